#!/usr/bin/python3
"""Reads an iCalendar file written by `moat export --ics` back and checks it
against the database.

Usage: read_ics.py [--demo] [--folded] ICS DB LANG TODAY VERSION

LANG is en or zh, TODAY the --today of the export (YYYY-MM-DD), VERSION
moat's version (for PRODID). The file is checked twice: as raw bytes
(every line CRLF-terminated, at most 75 octets, each physical line valid
UTF-8 so a fold never splits a character, TEXT values escaped exactly as
RFC 5545 says) and parsed with the icalendar library (python3-icalendar).
The database is read with Python's sqlite3, independently of moat's C code.

Checks: VCALENDAR with VERSION 2.0, the PRODID, CALSCALE GREGORIAN and the
unit's name; every event all-day (DTSTART a date, DTEND the next day),
DTSTAMP TODAY at 00:00:00Z, no UID twice; one event per plan task on its
due_date with its title, phase, status and owner; the three phase ends; the
duties' occurrences, each UID carrying its date, in order, none that the
history already resolved, the overdue ones (due before TODAY) marked in the
summary and the others not, and exactly the dates worked out here from the
duty's rule, history and pauses by a separate implementation of the
schedule (every open occurrence, then the next one and 12 more; for a duty
counted from its last completion, just the next one; nothing while it is
paused, and none due in a pause).

--demo: the database is moat's demo loaded on 2026-11-25 and TODAY is that
day, so also check the exact occurrence dates worked out by hand from the
demo's history (questionnaires/en/plan.yaml, model/demo.c): the missed
2026-11-10 restore test is the only overdue one, and the next ones follow
the rules (day 10, day 20, quarterly on the 15th, quarterly and yearly on
the last working day, yearly counted from the last completion).
--folded: at least one line must have been folded.

Prints an OK line; exits 1 with the first mismatch.
"""

import calendar
import datetime
import sqlite3
import sys

import icalendar

from duty_rules import duty_pauses, pause_of, rule_words

TEXTS = {
    "en": {
        "status": {"not_started": "not started", "in_progress": "in progress",
                   "done": "done", "blocked": "blocked"},
        "task_desc": "Phase {p} · {s} · owner: {o}",
        "no_owner": "not assigned",
        "phase_ends": "Phase {p} ends",
        "phase_desc": "{d} of {t} tasks done",
        "overdue": "OVERDUE: {t}",
        "calname": "{u}: continuity programme",
    },
    "zh": {
        "status": {"not_started": "未开始", "in_progress": "进行中",
                   "done": "已完成", "blocked": "受阻"},
        "task_desc": "阶段{p} · {s} · 负责人：{o}",
        "no_owner": "未指定",
        "phase_ends": "阶段{p}结束",
        "phase_desc": "已完成 {d}/{t} 项任务",
        "overdue": "逾期：{t}",
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

def last_working_day(y, m):
    day = datetime.date(y, m, calendar.monthrange(y, m)[1])
    while day.weekday() >= 5:
        day -= datetime.timedelta(days=1)
    return day


def due_in_month(day_rule, y, m):
    if day_rule == 0:
        return last_working_day(y, m)
    return datetime.date(y, m, min(day_rule, calendar.monthrange(y, m)[1]))


def scheduled(every, day_rule, start):
    """The schedule of a duty, as questionnaires/en/plan.yaml describes
    it: the first due date on or after start (in its month or the next),
    then every `every` months on the day rule."""
    idx = start.year * 12 + start.month - 1
    if due_in_month(day_rule, start.year, start.month) < start:
        idx += 1
    while idx // 12 <= 9999:
        yield due_in_month(day_rule, idx // 12, idx % 12 + 1)
        idx += every


def add_months(day, n):
    idx = day.year * 12 + day.month - 1 + n
    y, m = idx // 12, idx % 12 + 1
    return datetime.date(y, m, min(day.day, calendar.monthrange(y, m)[1]))


def expected_occurrences(every, day_rule, anchor, start, resolved, last_done,
                         today, pauses):
    """What the calendar should hold for a duty, worked out here: for
    schedule anchoring every unresolved occurrence before today, the first
    unresolved one on or after today, and the 12 unresolved ones after it;
    for completion anchoring the one open occurrence (last completion plus
    `every` months, or the first on the schedule when never completed,
    skipping resolved dates). Nothing while the duty is paused, and none
    due in a pause (a pause not resumed owes nothing from its first day)."""
    out = []
    if pause_of(pauses, today):
        return out
    if anchor == "completion":
        if last_done is None:
            cands = scheduled(every, day_rule, start)
        else:
            cands = (add_months(last_done, k * every) for k in range(1, 1201))
        for due in cands:
            p = pause_of(pauses, due)
            if p and p[1] is None:
                break
            if due not in resolved and not p:
                return [due]
        return []
    ahead = 13
    for due in scheduled(every, day_rule, start):
        p = pause_of(pauses, due)
        if p and p[1] is None:
            break
        if due in resolved or p:
            continue
        out.append(due)
        if due >= today:
            ahead -= 1
            if not ahead:
                break
    return out


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
    """UID -> {property name (without parameters): raw value} from the
    unfolded lines."""
    events, cur = {}, None
    for line in unfolded:
        if line == "BEGIN:VEVENT":
            cur = {}
        elif line == "END:VEVENT":
            check(cur is not None and "UID" in cur, "an event without UID")
            check(cur["UID"] not in events, f"UID {cur['UID']} twice")
            events[cur["UID"]] = cur
            cur = None
        elif cur is not None:
            name, _, value = line.partition(":")
            cur[name.split(";")[0]] = value
    return events


def main(argv):
    demo = "--demo" in argv
    want_folded = "--folded" in argv
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    ics_path, db_path, lang, today_s, version = args
    t = TEXTS[lang]
    today = d(today_s)

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

    db = sqlite3.connect(db_path)
    db.text_factory = bytes
    unit_id, unit_name = db.execute(
        "SELECT id, name FROM org_unit ORDER BY id LIMIT 1").fetchone()
    calname = t["calname"].format(u=expected_text(unit_name))
    check(str(cal.get("X-WR-CALNAME")) == calname,
          f"X-WR-CALNAME {cal.get('X-WR-CALNAME')!r}, expected {calname!r}")

    stamp = datetime.datetime(today.year, today.month, today.day,
                              tzinfo=datetime.timezone.utc)
    events = {}
    for ev in cal.walk("VEVENT"):
        uid = str(ev.get("UID"))
        check(uid not in events, f"UID {uid} twice")
        start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
        check(type(start) is datetime.date and type(end) is datetime.date,
              f"{uid}: not an all-day event ({start!r}, {end!r})")
        check(end == start + datetime.timedelta(days=1),
              f"{uid}: DTEND {end}, expected the day after {start}")
        check(ev.decoded("DTSTAMP") == stamp,
              f"{uid}: DTSTAMP {ev.decoded('DTSTAMP')}, expected {stamp}")
        events[uid] = ev
    check(set(events) == set(raw), "the parser and the raw lines disagree"
          " on the events")

    def expect_text(uid, prop, want):
        got = str(events[uid].get(prop, ""))
        check(got == want, f"{uid}: {prop} {got!r}, expected {want!r}")
        rv = raw[uid].get(prop, "")
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
            uid = f"task-{tid}@moat"
            check(uid in events, f"no event for task {tid}")
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
            uid = f"phase-{pid}-{p}@moat"
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

    # The duties' occurrences.
    n_occ, overdue = 0, set()
    duties = db.execute(
        "SELECT id, template_key, title, every_months, day, anchor,"
        " start_date, paused_on FROM duty WHERE unit_id = ?",
        (unit_id,)).fetchall()
    for did, key, title, every, day, anchor, dstart, paused in duties:
        key = key.decode()
        prefix = f"duty-{did}-"
        mine = sorted(u for u in events if u.startswith(prefix))
        history = db.execute("SELECT due_date, kind, event_date FROM"
                             " duty_event WHERE duty_id = ?", (did,)).fetchall()
        resolved = {d(r[0].decode()) for r in history}
        done = [d(r[2].decode()) for r in history if r[1] == b"done"]
        pauses = duty_pauses(db, did, paused.decode())
        want = expected_occurrences(every, day, anchor.decode(),
                                    d(dstart.decode()), resolved,
                                    max(done) if done else None, today,
                                    pauses)
        check(mine or not want, f"no occurrence of duty {key}")
        rule = rule_words(lang, every, day, anchor.decode(),
                          d(dstart.decode()))
        dates = []
        for uid in mine:
            due = events[uid].decoded("DTSTART")
            check(uid == f"{prefix}{due:%Y%m%d}@moat",
                  f"{uid}: the UID does not carry its date {due}")
            check(due not in resolved or anchor == b"completion",
                  f"{uid}: an occurrence already done or skipped")
            if due < today:
                overdue.add((key, due))
                expect_text(uid, "SUMMARY",
                            t["overdue"].format(t=expected_text(title)))
            else:
                expect_text(uid, "SUMMARY", expected_text(title))
            expect_text(uid, "DESCRIPTION", rule)
            dates.append(due)
            seen.add(uid)
        check(dates == sorted(dates), f"{key}: dates out of order")
        check(dates == want, f"{key}: {[str(x) for x in dates]}, worked out"
              f" here {[str(x) for x in want]}")
        if pauses and pauses[-1][1] is None:
            pass  # paused now or later: fewer, as worked out above
        elif anchor == b"completion":
            check(len(dates) == 1, f"{key}: {len(dates)} occurrences of a"
                  " completion-anchored duty, expected the next one only")
        else:
            check(sum(1 for x in dates if x >= today) == 13,
                  f"{key}: expected the next occurrence and 12 more")
        if demo:
            hand = DEMO.get(key)
            check(hand is not None, f"unknown demo duty {key}")
            check(dates == hand, f"{key}: {[str(x) for x in dates]},"
                  f" expected {[str(x) for x in hand]}")
        n_occ += len(dates)
    if demo:
        check(overdue == DEMO_OVERDUE,
              f"overdue occurrences {sorted(overdue)}, expected {DEMO_OVERDUE}")
    check(seen == set(events), f"unexpected events {sorted(set(events) - seen)}")

    print(f"OK: {len(events)} events: {n_tasks} tasks, "
          f"{3 if prog else 0} phase ends, {n_occ} duty occurrences "
          f"({len(overdue)} overdue), {n_folded} folded line(s)")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Mismatch as e:
        print(f"MISMATCH: {e}")
        sys.exit(1)
