// Live updates for the public pages (everything else works without JavaScript).
// An element with data-stream subscribes to the Server-Sent Events stream from the position the page was read at
// (data-after), so nothing recorded in between is missed. The browser itself resumes a dropped connection with
// Last-Event-ID; if the stream is closed for good (the server refused it, or the page dropped it), this script
// opens it again after the last event it saw. A meeting's live region (data-refresh) is fetched again after each
// event, so it always shows the record's current state and never an event twice; the home page's latest actions
// get one line per new event, keyed by position, so a repeated event is not added again.
(function () {
  "use strict";
  var TYPES = ["FileIntroduced", "CosponsorAdded", "CosponsorWithdrawn", "FileReferred", "FileActedOn",
    "FileActionCorrected", "FileReopened", "AmendmentProposed", "AmendmentAdopted", "AmendmentRejected", "MotionMade",
    "VoteRecorded", "VoteCorrected", "MeetingScheduled", "MeetingRescheduled", "MeetingCancelled",
    "MeetingCalledToOrder", "MeetingAdjourned", "RollCallTaken", "MemberArrived", "MemberDeparted", "AgendaItemAdded",
    "AgendaItemRemoved", "AgendaReordered", "AgendaPublished", "MinutesApproved", "PersonRegistered", "BodyCreated",
    "SeatAssigned", "QuorumRuleSet", "VoteThresholdSet"];
  var announce = document.getElementById("announce");
  var streams = [];

  function say(text) {
    if (announce && text) { announce.textContent = text; }
  }

  function refresh(region) {
    fetch(region.getAttribute("data-refresh"), { headers: { "Accept": "text/html" } }).then(function (r) {
      return r.ok ? r.text() : null;
    }).then(function (html) {
      if (!html) { return; }
      var next = new DOMParser().parseFromString(html, "text/html").getElementById(region.id);
      if (!next) { return; }
      region.innerHTML = next.innerHTML;
      var result = region.querySelector("#last-result");
      var floor = region.querySelector("#floor");
      var quorum = region.querySelector("#quorum");
      say([floor ? floor.textContent : "", result ? result.textContent : "", quorum ? quorum.textContent : ""]
        .join(" ").replace(/\s+/g, " ").trim());
    });
  }

  function appendLatest(list, event) {
    var position = event.lastEventId;
    if (list.querySelector('[data-position="' + position + '"]')) { return; }
    var envelope;
    try { envelope = JSON.parse(event.data); } catch (e) { return; }
    var li = document.createElement("li");
    li.setAttribute("data-position", position);
    var p = document.createElement("p");
    p.className = "what";
    var strong = document.createElement("strong");
    strong.textContent = event.type;
    p.appendChild(strong);
    var data = envelope.data || {};
    var id = data.fileId || data.meetingId;
    if (id) {
      var a = document.createElement("a");
      a.href = (data.fileId ? "/files/" : "/meetings/") + encodeURIComponent(id);
      a.textContent = " " + (data.fileNumber || id);
      p.appendChild(a);
    }
    li.appendChild(p);
    list.insertBefore(li, list.firstChild);
    say(event.type + (data.fileNumber ? " " + data.fileNumber : ""));
  }

  function connect(stream) {
    var url = stream.url;
    if (stream.last) {
      url += (url.indexOf("?") < 0 ? "?" : "&") + "lastEventId=" + encodeURIComponent(stream.last);
    }
    var source = new EventSource(url);
    stream.source = source;
    var onEvent = function (event) {
      if (event.lastEventId) { stream.last = event.lastEventId; }
      if (stream.element.hasAttribute("data-refresh")) {
        refresh(stream.element);
      } else {
        appendLatest(stream.element, event);
      }
    };
    source.onmessage = onEvent;
    TYPES.forEach(function (type) { source.addEventListener(type, onEvent); });
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED && stream.source === source) {
        setTimeout(function () { connect(stream); }, 2000);
      }
    };
  }

  if (!window.EventSource) { return; }
  document.querySelectorAll("[data-stream]").forEach(function (element) {
    var stream = { element: element, url: element.getAttribute("data-stream"),
                   last: element.getAttribute("data-after") || null };
    streams.push(stream);
    connect(stream);
  });

  // A connection lost for good, as a dropped network would leave it: the page reopens it after its last event.
  window.civicLive = {
    drop: function () {
      streams.forEach(function (s) {
        s.source.close();
        setTimeout(function () { connect(s); }, 2000);
      });
    },
    last: function () { return streams.map(function (s) { return s.last; }); }
  };
}());
