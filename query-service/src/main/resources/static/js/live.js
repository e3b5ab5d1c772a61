// Live updates for the public pages (everything else works without JavaScript).
// An element with data-stream subscribes to the Server-Sent Events stream: the browser resumes after a lost
// connection with Last-Event-ID, so nothing is missed. A meeting's live region (data-refresh) is fetched again
// after each event, so it always shows the record's current state, never an event twice; the home page's latest
// actions get one line per new event (by position, so a repeated event is not added again).
(function () {
  "use strict";
  var announce = document.getElementById("announce");

  function say(text) {
    if (announce) { announce.textContent = text; }
  }

  function refresh(region) {
    var url = region.getAttribute("data-refresh");
    fetch(url, { headers: { "Accept": "text/html" } }).then(function (r) {
      return r.ok ? r.text() : null;
    }).then(function (html) {
      if (!html) { return; }
      var next = new DOMParser().parseFromString(html, "text/html").getElementById(region.id);
      if (!next) { return; }
      region.innerHTML = next.innerHTML;
      var floor = region.querySelector("#last-result");
      var quorum = region.querySelector("#quorum");
      say([floor ? floor.textContent : "", quorum ? quorum.textContent : ""].join(" ").trim());
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
    var id = envelope.data && (envelope.data.fileId || envelope.data.meetingId);
    if (id) {
      var a = document.createElement("a");
      a.href = (envelope.data.fileId ? "/files/" : "/meetings/") + encodeURIComponent(id);
      a.textContent = " " + (envelope.data.fileNumber || id);
      p.appendChild(a);
    }
    li.appendChild(p);
    list.insertBefore(li, list.firstChild);
  }

  document.querySelectorAll("[data-stream]").forEach(function (element) {
    if (!window.EventSource) { return; }
    var after = element.querySelector("[data-position]");
    var url = element.getAttribute("data-stream");
    if (after && url.indexOf("lastEventId") < 0) {
      url += (url.indexOf("?") < 0 ? "?" : "&") + "lastEventId=" + encodeURIComponent(after.getAttribute("data-position"));
    }
    var source = new EventSource(url);
    var onEvent = function (event) {
      if (element.hasAttribute("data-refresh")) {
        refresh(element);
      } else {
        appendLatest(element, event);
      }
    };
    source.onmessage = onEvent;
    // Events are named by type; listen to every type the record has.
    ["FileIntroduced", "CosponsorAdded", "CosponsorWithdrawn", "FileReferred", "FileActedOn", "FileActionCorrected",
     "FileReopened", "AmendmentProposed", "AmendmentAdopted", "AmendmentRejected", "MotionMade", "VoteRecorded",
     "VoteCorrected", "MeetingScheduled", "MeetingRescheduled", "MeetingCancelled", "MeetingCalledToOrder",
     "MeetingAdjourned", "RollCallTaken", "MemberArrived", "MemberDeparted", "AgendaItemAdded", "AgendaItemRemoved",
     "AgendaReordered", "AgendaPublished", "MinutesApproved", "PersonRegistered", "BodyCreated", "SeatAssigned",
     "QuorumRuleSet", "VoteThresholdSet"].forEach(function (type) { source.addEventListener(type, onEvent); });
  });
}());
