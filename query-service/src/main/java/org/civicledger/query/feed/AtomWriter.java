package org.civicledger.query.feed;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Atom 1.0 documents through Rome: the library escapes and formats, nothing is written by hand. */
final class AtomWriter {

    /** One entry: {@code id} stable across rebuilds (from the event id), {@code page} the human page. */
    record AtomEntry(String id, String title, String summary, Instant updated, String author, String page,
                     String json) {
    }

    private AtomWriter() {
    }

    static String write(String id, String title, String self, String page, List<AtomEntry> entries) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(id);
        feed.setTitle(title);
        feed.setUpdated(Date.from(entries.stream().map(AtomEntry::updated).max(Instant::compareTo)
                .orElse(Instant.EPOCH)));
        feed.setAlternateLinks(List.of(link("alternate", page, "text/html")));
        feed.setOtherLinks(List.of(link("self", self, "application/atom+xml")));
        feed.setAuthors(List.of(person("civic-ledger")));
        List<Entry> atomEntries = new ArrayList<>();
        for (AtomEntry e : entries) {
            Entry entry = new Entry();
            entry.setId(e.id());
            entry.setTitle(e.title());
            entry.setUpdated(Date.from(e.updated()));
            entry.setPublished(Date.from(e.updated()));
            entry.setAuthors(List.of(person(e.author())));
            entry.setAlternateLinks(List.of(link("alternate", e.page(), "text/html")));
            if (e.json() != null) {
                entry.setOtherLinks(List.of(link("related", e.json(), "application/json")));
            }
            Content summary = new Content();
            summary.setType(Content.TEXT);
            summary.setValue(e.summary());
            entry.setSummary(summary);
            atomEntries.add(entry);
        }
        feed.setEntries(atomEntries);
        try {
            return new WireFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("an Atom feed built here is always valid", e);
        }
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    private static SyndPerson person(String name) {
        Person person = new Person();
        person.setName(name);
        return person;
    }
}
