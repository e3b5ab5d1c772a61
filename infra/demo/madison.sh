#!/usr/bin/env bash
# Loads the Madison example from DESIGN.md through the HTTP APIs: the Common Council's twenty
# alders of early 2017 (plus the mayor and the police chief), the council's two-thirds quorum
# rule, Alder Bidar's safe-haven resolution with seven cosponsors signing on over a week, its
# referral to the council, and the council meeting of February 7, 2017 with its published
# agenda. The meeting is left SCHEDULED, for a clerk to run. Idempotent: a second run records
# no new events.
#
#   infra/demo/madison.sh [COMMAND_URL [QUERY_URL]]
#
# Defaults: CIVIC_COMMAND_URL=http://localhost:8081, CIVIC_QUERY_URL=http://localhost:8082,
# CIVIC_CLERK_USER=clerk, CIVIC_CLERK_PASSWORD=clerk. Needs curl and jq.
set -euo pipefail

COMMAND_URL="${1:-${CIVIC_COMMAND_URL:-http://localhost:8081}}"
QUERY_URL="${2:-${CIVIC_QUERY_URL:-http://localhost:8082}}"
CLERK="${CIVIC_CLERK_USER:-clerk}:${CIVIC_CLERK_PASSWORD:-clerk}"

for tool in curl jq; do
  command -v "$tool" >/dev/null || { echo "madison: $tool is required" >&2; exit 1; }
done

say() { printf 'madison: %s\n' "$*"; }

response=$(mktemp)
trap 'rm -f "$response"' EXIT
status=""
last_position=0

# call METHOD URL [JSON] -> sets $status, leaves the body in $response
call() {
  local method=$1 url=$2 body=${3:-}
  local args=(-sS -o "$response" -w '%{http_code}' -X "$method" -H 'Accept: application/json')
  case "$url" in "$COMMAND_URL"*) args+=(-u "$CLERK") ;; esac
  [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data "$body")
  local attempt
  for attempt in 1 2 3 4 5 6; do
    status=$(curl "${args[@]}" "$url") || { echo "madison: cannot reach $url" >&2; exit 1; }
    # A read with minPosition answers 503 while the public side is still catching up.
    [ "$method" = GET ] && [ "$status" = 503 ] || return 0
    say "public side still catching up (try $attempt); waiting" >&2  # stdout may be a caller's answer
    sleep 2
  done
}

# expect ALLOWED_STATUS... : fails with the server's problem details on anything else
expect() {
  local ok
  for ok in "$@"; do
    [ "$status" = "$ok" ] && return 0
  done
  echo "madison: unexpected HTTP $status (expected $*); the server said:" >&2
  jq . "$response" >&2 2>/dev/null || cat "$response" >&2
  echo >&2
  exit 1
}

# Remembers the newest ledger position a write returned, for read-your-writes queries.
note_position() {
  local p
  p=$(jq -r '.position? // empty' "$response" 2>/dev/null || true)
  if [[ "$p" =~ ^[0-9]+$ ]] && [ "$p" -gt "$last_position" ]; then last_position=$p; fi
}

# After a 201 or 409: a 409 means the record is already there, said by the rule in the problem.
created_or_existing() {  # $1: label for the log line
  if [ "$status" != 409 ]; then
    note_position
    say "$1 recorded"
    return 0
  fi
  local rule
  rule=$(jq -r '.rule // "conflict"' "$response" 2>/dev/null || echo conflict)
  if [ "$rule" = concurrent-change ]; then
    expect 201  # someone else is writing the same record: report it, do not guess
  fi
  say "$1 already recorded ($rule)"
}

# ---- people -----------------------------------------------------------------------------
# The Common Council of early 2017, district 1 to 20, then the mayor and the chief of police.
people=(
  "barbara-harrington-mckinney|Barbara Harrington-McKinney"
  "ledell-zellers|Ledell Zellers"
  "amanda-hall|Amanda Hall"
  "mike-verveer|Mike Verveer"
  "shiva-bidar|Shiva Bidar"
  "marsha-rummel|Marsha Rummel"
  "steve-king|Steve King"
  "zach-wood|Zach Wood"
  "paul-skidmore|Paul Skidmore"
  "maurice-cheeks|Maurice Cheeks"
  "tim-gruber|Tim Gruber"
  "larry-palm|Larry Palm"
  "sara-eskrich|Sara Eskrich"
  "sheri-carter|Sheri Carter"
  "david-ahrens|David Ahrens"
  "denise-demarb|Denise DeMarb"
  "samba-baldeh|Samba Baldeh"
  "rebecca-kemble|Rebecca Kemble"
  "mark-clear|Mark Clear"
  "matt-phair|Matt Phair"
  "paul-soglin|Paul Soglin"
  "mike-koval|Mike Koval"
)
for entry in "${people[@]}"; do
  id=${entry%%|*} name=${entry#*|}
  call POST "$COMMAND_URL/api/people" "$(jq -nc --arg id "$id" --arg name "$name" '{id: $id, name: $name}')"
  expect 201 409
  created_or_existing "person $id"
done

# ---- the Common Council and its alders ----------------------------------------------
BODY=common-council
call POST "$COMMAND_URL/api/bodies" \
  '{"id":"common-council","name":"Common Council","seats":20,"kind":"COUNCIL"}'
expect 201 409
created_or_existing "body $BODY"

# All twenty alders were elected in April 2015.
alders=()
for entry in "${people[@]:0:20}"; do alders+=("${entry%%|*}"); done
for person in "${alders[@]}"; do
  call POST "$COMMAND_URL/api/bodies/$BODY/seats" \
    "$(jq -nc --arg p "$person" \
      '{person: $p, from: "2015-04-21", role: "MEMBER", occurredAt: "2015-04-21T17:00:00Z"}')"
  expect 201 409
  created_or_existing "seat of $person on $BODY"
done

# Wis. Stat. 62.11(3): the council needs two-thirds of its members present to do business.
call POST "$COMMAND_URL/api/bodies/$BODY/rules" '{"quorum":"TWO_THIRDS_SEATS","occurredAt":"2015-04-21T17:00:00Z"}'
expect 200 201 409
created_or_existing "quorum rule TWO_THIRDS_SEATS of $BODY"

# ---- the resolution -----------------------------------------------------------------
SPONSOR=shiva-bidar
TITLE="Codifying the City of Madison's commitment to be a safe haven for immigrants"
TEXT=$(cat <<'EOF'
WHEREAS the City of Madison is home to immigrants and refugees from around the world who contribute to its neighborhoods, schools, workplaces and civic life; and

WHEREAS residents must be able to seek City services, report crimes and take part in public meetings without fear that doing so will expose them or their families to federal immigration enforcement; and

WHEREAS the enforcement of federal immigration law is the responsibility of the federal government, not of the City of Madison;

NOW, THEREFORE, BE IT RESOLVED that the Common Council of the City of Madison codifies the City's status as a safe haven for immigrants, as follows:

1. The Common Council Office is designated a safe space, open to every resident regardless of immigration status.

2. Communication between City of Madison staff and U.S. Immigration and Customs Enforcement (ICE) is limited to what federal or state law requires.

3. No City funds, personnel or facilities shall be used for the enforcement of federal immigration law.

4. No City agency shall deny any City service, benefit or program to a person on the basis of that person's immigration status.

5. No City official or employee shall ask about, or disclose, any person's immigration status, unless that person has committed a felony.
EOF
)

existing_file() {
  call GET "$QUERY_URL/api/files?sponsor=$SPONSOR&minPosition=$last_position"
  expect 200
  jq -r --arg t "$TITLE" \
    '[.items[] | select(.title == $t and .type == "RESOLUTION")][0].fileId // empty' "$response"
}

# Wait for the public side to reach everything recorded so far, even when this run recorded nothing new.
call GET "$COMMAND_URL/api/position"
expect 200
note_position
file_id=$(existing_file)
if [ -n "$file_id" ]; then
  say "resolution already introduced as file $file_id"
else
  call POST "$COMMAND_URL/api/files" "$(jq -nc --arg title "$TITLE" --arg text "$TEXT" --arg sponsor "$SPONSOR" \
    '{type: "RESOLUTION", title: $title, text: $text, sponsor: $sponsor, occurredAt: "2017-01-24T15:00:00Z"}')"
  expect 201
  note_position
  file_id=$(jq -r .fileId "$response")
  say "resolution introduced as file $file_id (number $(jq -r .fileNumber "$response"))"
fi

# Cosponsors already on the file, as the public record shows them (strings or objects).
call GET "$QUERY_URL/api/files/$file_id?minPosition=$last_position"
expect 200
on_file=$(jq -r '[.cosponsors[]? | if type == "string" then . else (.person // .personId // .id // empty) end] | join(" ")' "$response")

# Signed between the introduction on Tuesday 24 January and Tuesday morning, 31 January
# 2017 (Madison is UTC-6 in winter).
cosponsors=(
  "larry-palm|2017-01-25T16:10:00Z"
  "tim-gruber|2017-01-26T14:45:00Z"
  "maurice-cheeks|2017-01-26T20:30:00Z"
  "mark-clear|2017-01-27T15:20:00Z"
  "marsha-rummel|2017-01-30T17:05:00Z"
  "sara-eskrich|2017-01-30T22:40:00Z"
  "matt-phair|2017-01-31T14:15:00Z"
)
for entry in "${cosponsors[@]}"; do
  person=${entry%%|*} at=${entry#*|}
  if [[ " $on_file " == *" $person "* ]]; then
    say "cosponsor $person already on file"
    continue
  fi
  call POST "$COMMAND_URL/api/files/$file_id/cosponsors" \
    "$(jq -nc --arg p "$person" --arg at "$at" '{person: $p, occurredAt: $at}')"
  expect 200 201 202 204 409
  created_or_existing "cosponsor $person"
done

# ---- referral to the council ------------------------------------------------------------
call GET "$QUERY_URL/api/files/$file_id?minPosition=$last_position"
expect 200
file_number=$(jq -r '.fileNumber // empty' "$response")
if jq -e --arg b "$BODY" 'any(.referrals[]?; .body == $b)' "$response" >/dev/null; then
  say "resolution already referred to $BODY"
else
  # Tuesday afternoon, after the last cosponsor signed on.
  call POST "$COMMAND_URL/api/files/$file_id/referrals" \
    "$(jq -nc --arg b "$BODY" '{body: $b, occurredAt: "2017-01-31T18:00:00Z"}')"
  expect 200 201 409
  created_or_existing "referral to $BODY"
fi

# ---- the council meeting of February 7, 2017, 6:30 pm ---------------------------------
STARTS_AT="2017-02-07T18:30:00-06:00"
LOCATION="City County Building, 210 Martin Luther King Jr. Boulevard"
starts_epoch=$(date -u -d "$STARTS_AT" +%s)

# The body's meeting at that start that was not cancelled, whatever offset the public side writes it in.
existing_meeting() {
  call GET "$QUERY_URL/api/bodies/$BODY/meetings?minPosition=$last_position"
  expect 200
  local id at
  while IFS=$'\t' read -r id at; do
    [ -n "$id" ] && [ "$(date -u -d "$at" +%s 2>/dev/null)" = "$starts_epoch" ] && { echo "$id"; return 0; }
  done < <(jq -r '(.items // .)[] | select(.status != "CANCELLED") | [.meetingId, .startsAt] | @tsv' "$response")
  return 0
}

# add_item LABEL ITEM_JSON JQ_TEST: adds the item unless a draft item passes JQ_TEST (a partial earlier run).
add_item() {
  if jq -e "any(.[]; $3)" <<<"$drafted" >/dev/null; then
    say "agenda item $1 already drafted"
    return 0
  fi
  call POST "$COMMAND_URL/api/meetings/$meeting_id/agenda/items" "$2"
  expect 201
  note_position
  say "agenda item $1 added"
}

meeting_id=$(existing_meeting)
if [ -n "$meeting_id" ]; then
  say "meeting of $STARTS_AT already scheduled as $meeting_id"
else
  call POST "$COMMAND_URL/api/meetings" "$(jq -nc --arg b "$BODY" --arg s "$STARTS_AT" --arg l "$LOCATION" \
    '{body: $b, startsAt: $s, location: $l, timeZone: "America/Chicago", occurredAt: "2017-01-03T15:00:00Z"}')"
  expect 201
  note_position
  meeting_id=$(jq -r .meetingId "$response")
  say "meeting of $STARTS_AT scheduled as $meeting_id"
fi

# The agenda is drafted and published once; after that it is the clerk's (an amended agenda is a new version).
call GET "$QUERY_URL/api/meetings/$meeting_id?minPosition=$last_position"
expect 200
if [ "$(jq '.agendaVersions // [] | length' "$response")" -gt 0 ]; then
  say "agenda already published (version $(jq -r '.agenda.version' "$response"))"
else
  drafted=$(jq -c '.draftAgenda // []' "$response")
  add_item '"Roll call"' '{"title":"Roll call"}' '.fileId == null and .title == "Roll call"'
  add_item "$file_number" "$(jq -nc --arg f "$file_id" '{fileId: $f}')" ".fileId == \"$file_id\""
  add_item '"Public comment"' '{"title":"Public comment"}' '.fileId == null and .title == "Public comment"'
  call POST "$COMMAND_URL/api/meetings/$meeting_id/agenda/publish"
  expect 200 201
  note_position
  say "agenda published (version $(jq -r .version "$response"))"
fi

# ---- what the public now sees -------------------------------------------------------
call GET "$QUERY_URL/api/files/$file_id?minPosition=$last_position"
expect 200
file_number=$(jq -r '.fileNumber // empty' "$response")
say "file $file_number: $(jq -r '"\(.title) — \(.status // "?")"' "$response")"
call GET "$QUERY_URL/api/files/$file_id/history?minPosition=$last_position"
expect 200
say "history has $(jq '(.items // .entries // .events // .) | length' "$response") entries"
cat <<EOF

Madison demo loaded: resolution $file_number (file id $file_id)
  public file     $QUERY_URL/api/files/$file_id
  its history     $QUERY_URL/api/files/$file_id/history
  by the sponsor  $QUERY_URL/api/files?sponsor=$SPONSOR
  the meeting     $QUERY_URL/api/meetings/$meeting_id   (scheduled: call it to order at
                  $COMMAND_URL/api/meetings/$meeting_id/call-to-order)
  calendar        $QUERY_URL/api/bodies/$BODY/meetings.ics
EOF
