"""A duty's rule in words, as the workbook and the calendar must write it,
worked out here apart from moat's C code (model/programme.c); imported by
read_workbook.py and read_ics.py."""

import calendar
import datetime

WORDS = {
    "en": {
        1: "every month", 3: "every 3 months", 6: "every 6 months",
        12: "every year", 24: "every 2 years", "n": "every {n} months",
        "day": " on day {d}", "lwd": " on the last working day",
        "date": " on {m} {d}", "lwd_of": " on the last working day of {m}",
        "schedule": ", on a fixed schedule",
        "completion": ", from the last completion",
        "months": ["January", "February", "March", "April", "May", "June",
                   "July", "August", "September", "October", "November",
                   "December"],
    },
    "zh": {
        1: "每月", 3: "每季度", 6: "每半年", 12: "每年", 24: "每两年",
        "n": "每{n}个月的",
        "day": "{d}日", "lwd": "最后一个工作日",
        "date": "{m}{d}日", "lwd_of": "{m}最后一个工作日",
        "schedule": "，按固定日程", "completion": "，从上次完成起算",
        "months": [f"{i}月" for i in range(1, 13)],
    },
}


def first_month(day, start):
    """The month (1-12) of a rule's first occurrence: start's month when
    its due date there is on or after start, else the next."""
    last = calendar.monthrange(start.year, start.month)[1]
    if day == 0:
        due = datetime.date(start.year, start.month, last)
        while due.weekday() >= 5:
            due -= datetime.timedelta(days=1)
    else:
        due = datetime.date(start.year, start.month, min(day, last))
    return start.month if due >= start else start.month % 12 + 1


def rule_words(lang, every, day, anchor, start, with_anchor=True):
    """"every 3 months on the last working day, from the last completion";
    a yearly rule names the month of its first occurrence."""
    t = WORDS[lang]
    out = t[every] if every in t else t["n"].format(n=every)
    month = t["months"][first_month(day, start) - 1]
    if every % 12 == 0:
        out += (t["lwd_of"].format(m=month) if day == 0 else
                t["date"].format(m=month, d=day))
    else:
        out += t["lwd"] if day == 0 else t["day"].format(d=day)
    return out + (t[anchor] if with_anchor else "")


def pause_of(pauses, day):
    """The pause (first day, day resumed or None) that day falls in, or
    None: a duty is not owed from a pause's first day until the day it
    was resumed."""
    for first, until in pauses:
        if first <= day and (until is None or day < until):
            return (first, until)
    return None


def duty_pauses(db, duty_id, paused_on):
    """A duty's pauses from duty_pause and its paused_on (the current one,
    '' when there is none), read with Python's sqlite3 (as text or bytes)."""
    def day(s):
        return datetime.date.fromisoformat(
            s.decode() if isinstance(s, bytes) else s)
    out = [(day(a), day(b)) for a, b in db.execute(
        "SELECT paused_on, resumed_on FROM duty_pause WHERE duty_id = ?",
        (duty_id,))]
    if paused_on:
        out.append((day(paused_on), None))
    return out
