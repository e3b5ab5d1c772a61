package org.civicledger.command.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/**
 * Every text field of every command the aggregates handle, found by reflection so a new command is covered the day
 * it is written: a bad character in any one of them is refused as {@code invalid-text} naming that field.
 */
class TextGuardTest {

    private static final String BAD = "ok\u0000";

    @Test
    void everyTextFieldOfEveryCommandRefusesTextThatCannotBeStored() throws Exception {
        List<Class<?>> commands = commandTypes();
        assertThat(commands).hasSizeGreaterThan(25);
        List<String> checked = new ArrayList<>();
        for (Class<?> command : commands) {
            RecordComponent[] components = command.getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                String field = textField(components[i]);
                if (field == null) {
                    continue;
                }
                Object withBadText = instance(command, i, BAD);
                RuleViolation refusal = catchThrowableOfType(RuleViolation.class, () -> TextGuard.check(withBadText));

                assertThat(refusal).as(command.getSimpleName() + "." + field).isNotNull();
                assertThat(refusal.rule()).isEqualTo("invalid-text");
                assertThat(refusal.field()).isEqualTo(field);
                Object withPlainText = instance(command, i, "ok");
                assertThatCode(() -> TextGuard.check(withPlainText)).doesNotThrowAnyException();
                checked.add(command.getSimpleName() + "." + field);
            }
        }
        assertThat(checked).contains("IntroduceFile.title", "IntroduceFile.text", "CancelMeeting.reason",
                "ScheduleMeeting.location", "TakeRollCall.present[0]", "RecordVote.roll (key)",
                "CorrectVote.reason", "RegisterPerson.name", "AssignSeat.body.slug");
    }

    @Test
    void aControlCharacterDeepInsideAListIsNamedByItsPlace() {
        var command = new org.civicledger.command.meeting.MeetingCommands.ReorderAgenda("m",
                List.of("a", "b", "c\u001b"), null);

        assertThat(catchThrowableOfType(RuleViolation.class, () -> TextGuard.check(command)).field())
                .isEqualTo("itemIds[2]");
    }

    /** The field name the guard reports for a text-bearing component, or null if it holds no text. */
    private static String textField(RecordComponent component) {
        Class<?> type = component.getType();
        if (type == String.class) {
            return component.getName();
        }
        if (List.class.isAssignableFrom(type) && typeArgument(component, 0) == String.class) {
            return component.getName() + "[0]";
        }
        if (Map.class.isAssignableFrom(type) && typeArgument(component, 0) == String.class) {
            return component.getName() + " (key)";
        }
        if (type.isRecord() && Arrays.stream(type.getRecordComponents()).anyMatch(c -> c.getType() == String.class)) {
            return component.getName() + "." + Arrays.stream(type.getRecordComponents())
                    .filter(c -> c.getType() == String.class).findFirst().orElseThrow().getName();
        }
        return null;
    }

    private static Type typeArgument(RecordComponent component, int index) {
        return component.getGenericType() instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : null;
    }

    /** The command with {@code text} in component {@code index} and neutral values elsewhere. */
    private static Object instance(Class<?> command, int index, String text) throws Exception {
        RecordComponent[] components = command.getRecordComponents();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = value(components[i], i == index ? text : "ok");
        }
        Constructor<?> canonical = command.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        canonical.setAccessible(true);
        return canonical.newInstance(args);
    }

    private static Object value(RecordComponent component, String text) throws Exception {
        Class<?> type = component.getType();
        if (type == String.class) {
            return text;
        }
        if (List.class.isAssignableFrom(type)) {
            return List.of(text);
        }
        if (Map.class.isAssignableFrom(type)) {
            Map<Object, Object> map = new HashMap<>();
            map.put(text, null);
            return map;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type.isRecord()) {
            RecordComponent[] inner = type.getRecordComponents();
            Object[] args = new Object[inner.length];
            for (int i = 0; i < inner.length; i++) {
                args[i] = value(inner[i], text);
            }
            Constructor<?> canonical = type.getDeclaredConstructor(
                    Arrays.stream(inner).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return canonical.newInstance(args);
        }
        return null;
    }

    private List<Class<?>> commandTypes() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> true);
        Set<String> names = new TreeSet<>();
        for (var candidate : scanner.findCandidateComponents("org.civicledger.command")) {
            Class<?> type = Class.forName(candidate.getBeanClassName(), false, getClass().getClassLoader());
            Stream.<Executable>concat(Arrays.stream(type.getDeclaredMethods()),
                            Arrays.stream(type.getDeclaredConstructors()))
                    .filter(e -> e.isAnnotationPresent(CommandHandler.class) && e.getParameterCount() > 0)
                    .map(e -> e.getParameterTypes()[0])
                    .filter(Class::isRecord)
                    .forEach(c -> names.add(c.getName()));
        }
        List<Class<?>> types = new ArrayList<>();
        for (String name : names) {
            types.add(Class.forName(name));
        }
        return types;
    }
}
