#!/usr/bin/python3
"""Reads an iCalendar file written by `moat export --ics` back and checks it
against the database and against what moat itself computes.

Usage: read_ics.py [--demo] [--folded] [--has KEY:DAY] [--lacks KEY:DAY]
                   ICS DB LANG TODAY VERSION

LANG is en or zh, TODAY the --today of the export (YYYY-MM-DD), VERSION
moat's version (for PRODID). The file is checked as raw bytes (every line
CRLF-terminated, at most 75 octets, each physical line valid UTF-8 so a
fold never splits a character, TEXT values escaped exactly as RFC 5545
says) and parsed with the icalendar library (python3-icalendar). The
database is read with Python's sqlite3.

Checks: VCALENDAR with VERSION 2.0, the PRODID, CALSCALE GREGORIAN and the
unit's name; every event all-day (DTSTART a date, DTEND the next day),
DTSTAMP TODAY at 00:00:00Z; UIDs "KIND-ID[-N]-uUNIT-DBID@moat" with DBID
the database's identity (a version 4 UUID in the setting table), one per
task, phase end and duty (a duty's done occurrences share its UID with a
RECURRENCE-ID); one event per plan task on its due_date with its title,
phase, status and owner; the three phase ends; summaries that are the
title alone (no "OVERDUE").

The duties' occurrences are compared with moat's own computation:
tests/ics/owed ($MOAT_OWED, the agenda's agenda_between) lists for the
exported unit every occurrence owed up to ten years after TODAY and every
recorded one. Expected: nothing of a duty with nothing owed; a duty
counted from its completion is one plain event on its one owed date; a
duty on a schedule is one RRULE event from its oldest owed occurrence
whose instances are its owed dates and, from that day on, its done
occurrences moved to the day they were done (an override with the due
date as RECURRENCE-ID and "done on" in the description); skipped ones
and those in a pause are not there. The series is expanded twice, each
compared with that: (1) from icalendar's parse, the RRULE expanded by
python3-dateutil with the EXDATEs and overrides applied here; (2) by
python3-recurring-ical-events, which applies RRULE, EXDATE and
RECURRENCE-ID itself.

--demo: the database is moat's demo loaded on 2026-11-25 and TODAY is that
day, so also check the first dates of each series against dates worked
out by hand from the demo's history (questionnaires/en/plan.yaml,
model/demo.c): the missed 2026-11-10 restore test is the only overdue one.
--folded: at least one line must have been folded.
--has / --lacks KEY:YYYY-MM-DD: duty KEY (template key) owes / does not
owe an occurrence on that day in the calendar (repeatable).

Prints an OK line; exits 1 with the first mismatch.
"""

import datetime
import os
import re
import sqlite3
import subprocess
import sys

import dateutil.rrule
import icalendar
import recurring_ical_events

from duty_rules import duty_pauses, rule_words

TEXTS = {
    "en": {
        "status": {"not_started": "not started", "in_progress": "in progress",
                   "done": "done", "blocked": "blocked"},
        "task_desc": "Phase {p} · {s} · owner: {o}",
        "no_owner": "not assigned",
        "phase_ends": "Phase {p} ends",
        "phase_desc": "{d} of {t} tasks done",
        "done": "Done on {d}",
        "calname": "{u}: continuity programme",
    },
    "zh": {
        "status": {"not_started": "未开始", "in_progress": "进行中",
                   "done": "已完成", "blocked": "受阻"},
        "task_desc": "阶段{p} · {s} · 负责人：{o}",
        "no_owner": "未指定",
        "phase_ends": "阶段{p}结束",
        "phase_desc": "已完成 {d}/{t} 项任务",
        "done": "已于 {d} 完成",
        "calname": "{u}：业务连续性计划",
    },
}


def d(s):
    return datetime.date.fromisoformat(s)


# The demo on 2026-11-25, worked out by hand. Restore test (monthly, day
# 10): every month up to October done, 2026-11-10 missed, so it is open and
# overdue, then 2026-12-10 is the next and 12 more follow. Functional drill
# (monthly, day 20): done up to 2026-11-20, next 2026-12-20. Tabletop
# (quarterly, day 15, from June): June and September done, next
# 2026-12-15. Management review (quarterly, last working day): 2026-12-31
# (Thursday) next; Sep 2028 ends on a Saturday (29th), Dec 2028 and Sep
# 2029 on a Sunday (29th, 28th), Mar and Jun 2029 on a Saturday (30th,
# 29th). Full drill (yearly, counted from the completion): done 2026-06-20,
# so due 2027-06-20 and nothing more is known. Maturity assessment (yearly,
# last working day of June): 2026-06-30 done; 2029-06-30 is a Saturday,
# 2030-06-30 a Sunday, 2035-06-30 a Saturday.
def monthly(y, m, day, n, step):
    out = []
    for _ in range(n):
        out.append(datetime.date(y, m, day))
        m += step
        while m > 12:
            m -= 12
            y += 1
    return out


DEMO = {
    "d.restore_test": [d("2026-11-10")] + monthly(2026, 12, 10, 13, 1),
    "d.functional_drill": monthly(2026, 12, 20, 13, 1),
    "d.tabletop": monthly(2026, 12, 15, 13, 3),
    "d.review": [d(s) for s in (
        "2026-12-31", "2027-03-31", "2027-06-30", "2027-09-30", "2027-12-31",
        "2028-03-31", "2028-06-30", "2028-09-29", "2028-12-29", "2029-03-30",
        "2029-06-29", "2029-09-28", "2029-12-31")],
    "d.full_drill": [d("2027-06-20")],
    "d.maturity": [d(s) for s in (
        "2027-06-30", "2028-06-30", "2029-06-29", "2030-06-28", "2031-06-30",
        "2032-06-30", "2033-06-30", "2034-06-30", "2035-06-29", "2036-06-30",
        "2037-06-30", "2038-06-30", "2039-06-30")],
}
DEMO_OVERDUE = {("d.restore_test", d("2026-11-10"))}

# How far the expansions are compared: past the demo's hand-worked
# yearly dates (2039).
HORIZON_DAYS = 15 * 366
UUID4 = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}"
                   r"-[0-9a-f]{12}")


def moat_computes(db_path, today, to):
    """What moat computes (tests/ics/owed): the unit exported and, per
    duty id, its owed dates and its recorded occurrences (due, kind, on)."""
    out = subprocess.run([os.environ["MOAT_OWED"], db_path, str(today),
                          str(to)], capture_output=True, text=True)
    check(out.returncode == 0 and not out.stderr,
          f"tests/ics/owed failed: {out.stderr.strip()}")
    lines = out.stdout.splitlines()
    check(lines and lines[0].startswith("unit "), "owed: no unit line")
    unit = int(lines[0].split()[1])
    owed, records = {}, {}
    for line in lines[1:]:
        f = line.split()
        did = int(f[1])
        if f[0] == "owed":
            owed.setdefault(did, []).append(d(f[2]))
        else:
            records.setdefault(did, []).append((d(f[2]), f[0], d(f[3])))
    return unit, owed, records


def as_date(v):
    return v.date() if isinstance(v, datetime.datetime) else v


def exdates(ev):
    """The EXDATE days of an event, however many properties hold them."""
    ex = ev.get("EXDATE")
    if ex is None:
        return set()
    props = ex if isinstance(ex, list) else [ex]
    return {as_date(x.dt) for p in props for x in p.dts}


def expand_dateutil(master, overrides, to):
    """Recurrence id -> the day shown, up to `to`: icalendar's parse of the
    RRULE expanded by dateutil, less the EXDATEs, overrides applied."""
    start = master.decoded("DTSTART")
    rule = master.get("RRULE").to_ical().decode()
    rr = dateutil.rrule.rrulestr(rule, dtstart=datetime.datetime.combine(
        start, datetime.time()))
    ex = exdates(master)
    shown = {}
    for x in rr:
        if x.date() > to:
            break
        if x.date() not in ex:
            shown[x.date()] = x.date()
    for rid, ov in overrides.items():
        check(rid in shown, f"override {rid} is no instance of the series")
        shown[rid] = ov.decoded("DTSTART")
    return shown


# The bidi embedding, override and isolate controls; the joiners and
# other format characters are text.
BIDI_CONTROLS = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))


class Mismatch(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Mismatch(what)


def expected_text(raw):
    """What moat writes for a stored text: cleaned as on screen
    (model/text.c's text_sanitize, newlines kept): invalid UTF-8 becomes
    U+FFFD, a tab a space; C0 controls, DEL, C1 controls and bidi controls
    are dropped; everything else, the joiners included, is kept."""
    if raw is None:
        return ""
    s = raw.decode("utf-8", "replace")
    out = []
    for c in s:
        cp = ord(c)
        if c == "\n":
            out.append(c)
        elif c == "\t":
            out.append(" ")
        elif cp < 0x20 or cp == 0x7F or 0x80 <= cp < 0xA0 or cp in BIDI_CONTROLS:
            continue
        else:
            out.append(c)
    return "".join(out)


def escape(s):
    """RFC 5545 3.3.11, done here independently of moat."""
    return (s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def check_raw(data, want_folded):
    """Line structure of the raw bytes; returns the unfolded lines."""
    check(data.endswith(b"\r\n"), "the file does not end with CRLF")
    lines = data.split(b"\r\n")
    check(lines[-1] == b"", "text after the last CRLF")
    lines = lines[:-1]
    folded = 0
    for i, line in enumerate(lines, 1):
        check(b"\n" not in line and b"\r" not in line,
              f"line {i}: a bare CR or LF (lines must end in CRLF)")
        check(len(line) <= 75, f"line {i}: {len(line)} octets (max 75)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            raise Mismatch(f"line {i}: not valid UTF-8 on its own"
                           " (a fold split a character?)")
        if line.startswith(b" "):
            check(i > 1, "the first line is a continuation")
            folded += 1
    if want_folded:
        check(folded > 0, "no line was folded")
    unfolded = data.decode("utf-8").replace("\r\n ", "").split("\r\n")[:-1]
    return unfolded, folded


def raw_events(unfolded):
    """(UID, RECURRENCE-ID or "") -> {property name (without parameters):
    raw value} from the unfolded lines."""
    events, cur = {}, None
    for line in unfolded:
        if line == "BEGIN:VEVENT":
            cur = {}
        elif line == "END:VEVENT":
            check(cur is not None and "UID" in cur, "an event without UID")
            key = (cur["UID"], cur.get("RECURRENCE-ID", ""))
            check(key not in events, f"event {key} twice")
            events[key] = cur
            cur = None
        elif cur is not None:
            name, _, value = line.partition(":")
            cur[name.split(";")[0]] = value
    return events


def day_option(argv, name):
    """The KEY:DAY values of a repeated option."""
    out = []
    for i, a in enumerate(argv):
        if a == name:
            key, _, day = argv[i + 1].partition(":")
            out.append((key, d(day)))
    return out


def main(argv):
    demo = "--demo" in argv
    want_folded = "--folded" in argv
    has, lacks = day_option(argv, "--has"), day_option(argv, "--lacks")
    args, skip = [], False
    for a in argv:
        if skip:
            skip = False
        elif a in ("--has", "--lacks"):
            skip = True
        elif not a.startswith("--"):
            args.append(a)
    if len(args) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    ics_path, db_path, lang, today_s, version = args
    t = TEXTS[lang]
    today = d(today_s)
    to = today + datetime.timedelta(days=HORIZON_DAYS)

    with open(ics_path, "rb") as f:
        data = f.read()
    unfolded, n_folded = check_raw(data, want_folded)
    raw = raw_events(unfolded)

    cal = icalendar.Calendar.from_ical(data)
    check(cal.name == "VCALENDAR", f"top component {cal.name}")
    check(str(cal.get("VERSION")) == "2.0", f"VERSION {cal.get('VERSION')}")
    prodid = f"-//moat//moat {version}//EN"
    check(str(cal.get("PRODID")) == prodid,
          f"PRODID {cal.get('PRODID')}, expected {prodid}")
    check(str(cal.get("CALSCALE")) == "GREGORIAN", "CALSCALE")

    unit_id, owed, records = moat_computes(db_path, today, to)
    db = sqlite3.connect(db_path)
    db.text_factory = bytes
    unit_name, = db.execute("SELECT name FROM org_unit WHERE id = ?",
                            (unit_id,)).fetchone()
    calname = t["calname"].format(u=expected_text(unit_name))
    check(str(cal.get("X-WR-CALNAME")) == calname,
          f"X-WR-CALNAME {cal.get('X-WR-CALNAME')!r}, expected {calname!r}")
    row = db.execute("SELECT value FROM setting WHERE key = 'db_identity'"
                     ).fetchone()
    check(row is not None, "no db_identity in the setting table")
    dbid = row[0].decode()
    check(UUID4.fullmatch(dbid), f"db_identity {dbid!r} is no version 4 UUID")

    def uid_of(kind, oid, n=None):
        part = f"-{n}" if n is not None else ""
        return f"{kind}-{oid}{part}-u{unit_id}-{dbid}@moat"

    stamp = datetime.datetime(today.year, today.month, today.day,
                              tzinfo=datetime.timezone.utc)
    events, overrides = {}, {}
    for ev in cal.walk("VEVENT"):
        uid = str(ev.get("UID"))
        start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
        check(type(start) is datetime.date and type(end) is datetime.date,
              f"{uid}: not an all-day event ({start!r}, {end!r})")
        check(end == start + datetime.timedelta(days=1),
              f"{uid}: DTEND {end}, expected the day after {start}")
        check(ev.decoded("DTSTAMP") == stamp,
              f"{uid}: DTSTAMP {ev.decoded('DTSTAMP')}, expected {stamp}")
        if "RECURRENCE-ID" in ev:
            rid = as_date(ev.decoded("RECURRENCE-ID"))
            check(rid not in overrides.get(uid, {}),
                  f"{uid}: RECURRENCE-ID {rid} twice")
            overrides.setdefault(uid, {})[rid] = ev
        else:
            check(uid not in events, f"UID {uid} twice")
            events[uid] = ev
    n_raw = len(events) + sum(len(v) for v in overrides.values())
    check(n_raw == len(raw), "the parser and the raw lines disagree on the"
          " events")
    for uid in overrides:
        check(uid in events, f"{uid}: an override without its series")

    def expect_text(uid, prop, want, rid=None):
        ev = events[uid] if rid is None else overrides[uid][rid]
        got = str(ev.get(prop, ""))
        check(got == want, f"{uid} {rid or ''}: {prop} {got!r}, expected"
              f" {want!r}")
        rv = raw[(uid, f"{rid:%Y%m%d}" if rid else "")].get(prop, "")
        check(rv == escape(want),
              f"{uid}: raw {prop} {rv!r}, expected {escape(want)!r}")

    # The programme's tasks and phase ends.
    seen = set()
    prog = db.execute("SELECT id, start_date FROM programme WHERE unit_id = ?",
                      (unit_id,)).fetchone()
    n_tasks = 0
    if prog:
        pid, start = prog[0], d(prog[1].decode())
        rows = db.execute(
            "SELECT id, phase, title, status, owner, due_date, note"
            " FROM plan_task WHERE programme_id = ?", (pid,)).fetchall()
        for tid, phase, title, status, owner, due, note in rows:
            uid = uid_of("task", tid)
            check(uid in events, f"no event {uid} for task {tid}")
            got = events[uid].decoded("DTSTART")
            check(got == d(due.decode()),
                  f"{uid}: DTSTART {got}, expected due_date {due.decode()}")
            expect_text(uid, "SUMMARY", expected_text(title))
            desc = t["task_desc"].format(
                p=phase, s=t["status"][status.decode()],
                o=expected_text(owner) if owner else t["no_owner"])
            if note:
                desc += "\n" + expected_text(note)
            expect_text(uid, "DESCRIPTION", desc)
            seen.add(uid)
        n_tasks = len(rows)
        for p in (1, 2, 3):
            uid = uid_of("phase", pid, p)
            check(uid in events, f"no event for the end of phase {p}")
            want = start + datetime.timedelta(days=30 * p - 1)
            got = events[uid].decoded("DTSTART")
            check(got == want, f"{uid}: {got}, expected {want}")
            expect_text(uid, "SUMMARY", t["phase_ends"].format(p=p))
            total = sum(1 for r in rows if r[1] == p)
            done = sum(1 for r in rows if r[1] == p and r[3] == b"done")
            expect_text(uid, "DESCRIPTION",
                        t["phase_desc"].format(d=done, t=total))
            seen.add(uid)

    # The duties, each expanded by recurring-ical-events as well.
    second = {}
    for ev in recurring_ical_events.of(cal).between(
            datetime.date(1900, 1, 1), to + datetime.timedelta(days=1)):
        second.setdefault(str(ev.get("UID")), []).append(ev)
    n_duties = n_series = n_owed = n_done = n_ex = 0
    overdue, shown_by_key = set(), {}
    duties = db.execute(
        "SELECT id, template_key, title, every_months, day, anchor,"
        " start_date, paused_on FROM duty WHERE unit_id = ?",
        (unit_id,)).fetchall()
    for did, key, title, every, day, anchor, dstart, paused in duties:
        key, anchor = key.decode(), anchor.decode()
        uid = uid_of("duty", did)
        mine = sorted(owed.get(did, []))
        rule = rule_words(lang, every, day, anchor, d(dstart.decode()))
        title = expected_text(title)
        if not mine:
            check(uid not in events, f"{key}: an event, but nothing is owed")
            shown_by_key[key] = []
            continue
        check(uid in events, f"{key}: no event {uid}")
        seen.add(uid)
        n_duties += 1
        ev = events[uid]
        first = mine[0]
        check(ev.decoded("DTSTART") == first,
              f"{key}: DTSTART {ev.decoded('DTSTART')}, expected the oldest"
              f" owed occurrence {first}")
        expect_text(uid, "SUMMARY", title)
        expect_text(uid, "DESCRIPTION", rule)
        overdue |= {(key, x) for x in mine if x < today}
        if anchor == "completion":
            check(len(mine) == 1, f"{key}: moat owes {len(mine)}, expected 1")
            check("RRULE" not in ev and uid not in overrides,
                  f"{key}: a duty counted from its completion recurs")
            got = [e.decoded("DTSTART") for e in second.get(uid, [])]
            check(got == mine, f"{key}: recurring-ical-events {got},"
                  f" expected {mine}")
            shown_by_key[key] = mine
            n_owed += 1
            continue
        # The instances moat expects: owed on their day; done from the
        # series' first day on, on the day done (not past the UNTIL of a
        # pause that has not ended).
        pauses = duty_pauses(db, did, paused.decode())
        stop = min((p[0] for p in pauses if p[1] is None and p[0] > first),
                   default=None)
        want = {x: x for x in mine}
        done_here = {}
        for due, kind, on in records.get(did, []):
            if kind == "done" and due >= first and (stop is None or
                                                    due < stop):
                want[due] = on
                done_here[due] = on
        check("RRULE" in ev, f"{key}: no RRULE")
        got = expand_dateutil(ev, overrides.get(uid, {}), to)
        check(got == want, f"{key}: dateutil expands"
              f" {sorted((str(a), str(b)) for a, b in got.items())},"
              f" moat computes {sorted((str(a), str(b)) for a, b in want.items())}")
        got2 = sorted(e.decoded("DTSTART") for e in second.get(uid, []))
        check(got2 == sorted(want.values()),
              f"{key}: recurring-ical-events {[str(x) for x in got2]},"
              f" moat computes {[str(x) for x in sorted(want.values())]}")
        for e in second.get(uid, []):
            if "RECURRENCE-ID" in e and as_date(e.decoded("RECURRENCE-ID")) \
                    in done_here:
                rid = as_date(e.decoded("RECURRENCE-ID"))
                check(e.decoded("DTSTART") == done_here[rid],
                      f"{key}: recurring-ical-events moved {rid} to"
                      f" {e.decoded('DTSTART')}")
        check(set(overrides.get(uid, {})) == set(done_here),
              f"{key}: overrides {sorted(overrides.get(uid, {}))},"
              f" done {sorted(done_here)}")
        for rid, on in done_here.items():
            expect_text(uid, "SUMMARY", title, rid)
            expect_text(uid, "DESCRIPTION",
                        rule + "\n" + t["done"].format(d=on), rid)
        shown_by_key[key] = sorted(x for x in mine)
        n_series += 1
        n_owed += len(mine)
        n_done += len(done_here)
        n_ex += len(exdates(ev))
    for key, day in has:
        check(day in shown_by_key.get(key, []), f"{key}: nothing owed on {day}")
    for key, day in lacks:
        check(day not in shown_by_key.get(key, []), f"{key}: owed on {day}")
    if demo:
        for key, hand in DEMO.items():
            got = shown_by_key.get(key, [])[:len(hand)]
            check(got == hand, f"{key}: {[str(x) for x in got]},"
                  f" worked out by hand {[str(x) for x in hand]}")
        check(overdue == DEMO_OVERDUE,
              f"overdue occurrences {sorted(overdue)}, expected {DEMO_OVERDUE}")
    check(seen == set(events), f"unexpected events {sorted(set(events) - seen)}")

    print(f"OK: {len(events)} events: {n_tasks} tasks, "
          f"{3 if prog else 0} phase ends, {n_duties} duties"
          f" ({n_series} recurring), {n_owed} owed to {to}"
          f" ({len(overdue)} overdue), {n_done} done, {n_ex} EXDATE(s),"
          f" {n_folded} folded line(s)")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Mismatch as e:
        print(f"MISMATCH: {e}")
        sys.exit(1)
