#!/usr/bin/env python3
"""Generates benchmark attendance registers: messy exports as boards receive them, and one clean equivalent.

    gen_registers.py --rows 1000000 --out bench-work/registers-1000000 [--files 20] [--seed 8] [--no-clean]

Writes, under OUT:
  messy/register-NN.csv  --files registers holding --rows data rows between them, each in its own dialect: header
                         aliases (Organisation, Employer, Attendee, First name + Surname, Session date, Outcome ...),
                         `,` or `;`, with or without a UTF-8 BOM, CRLF or LF, ISO, dd/mm/yyyy, dd/mm/yy or
                         "14 May 2024" dates, every status code (Moodle's P/L/E/A, walk-ins, substitutes, session
                         cancelled ...), agencies spelled by their aliases in agencies.yml, RFC 4180 quoting,
                         duplicate bookings, a few rows outside the 2024-25 year and a few bad rows
  clean.csv              the same usable rows (bad rows and rows outside 2024-25 left out, duplicates kept) with
                         canonical columns date,course,name,email,agency,status, ISO dates, canonical agency
                         names and status words: the input of the DuckDB and Miller baselines
  content/               site.yml, agencies.yml and training/courses/*.md, for `learnsite attendance --content`
  manifest.json          rows, duplicates, bad rows, rows outside the period, sizes

Deterministic: the same arguments give byte-identical files. Python 3.11, standard library only.
"""
import argparse
import csv
import datetime as dt
import json
import random
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus_data import AGENCIES, COURSES  # noqa: E402

FIRST = ["Amelia", "Oliver", "Isla", "George", "Ava", "Noah", "Mia", "Arthur", "Ivy", "Muhammad", "Freya", "Leo",
         "Priya", "Tomasz", "Aisha", "Chidi", "Siobhan", "Rhys", "Zofia", "Kwame", "Hannah", "Daniel", "Fatima",
         "Liam", "Grace", "Yusuf", "Chloe", "Ethan", "Sophie", "Jack", "Emily", "Harry", "Ruth", "Callum"]
LAST = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Patel", "Khan", "O'Neill", "Davies", "Evans",
        "Thomas", "Roberts", "Okafor", "Nowak", "Begum", "Walker", "Wright", "Thompson", "White", "Hughes", "Green",
        "Ahmed", "Hall", "Wood", "Clarke", "Jackson", "Lewis", "Harris", "Martin", "Cooper", "Mensah", "Kowalski"]
ROLES = ["Social worker", "Teacher", "Health visitor", "Police officer", "Youth worker", "Early help worker",
         "School nurse", "GP", "Midwife", "Housing officer", "Team manager", "Family support worker", ""]
VENUES = ["Civic Offices, Room 1", "Civic Offices, Room 2", "Saxon Court", "Bletchley Park Conference Centre",
          "MKSCB training room, Galley Hill", "Online (Teams)", "Milton Keynes University Hospital, Education Centre"]
TRAINERS = ["Trainer A", "Trainer B", "Trainer C", "Trainer D"]
UNKNOWN_AGENCIES = ["Bedford Borough Council", "Independent consultant", "Northamptonshire Police"]

# Canonical status -> (share of bookings, spellings in long-form registers)
STATUSES = {
    "attended": (0.70, ["attended", "Attended", "present", "Present", "Yes", "Y", "fully attended", "Completed"]),
    "late": (0.04, ["late", "Late", "attended late"]),
    "partial": (0.03, ["partial", "Partially attended", "left early", "Part attended"]),
    "dna": (0.10, ["dna", "DNA", "did not attend", "No show", "absent", "N", "no", "Not attended"]),
    "cancelled": (0.09, ["cancelled", "Cancelled with notice", "apologies", "Excused", "canceled", "Booking cancelled"]),
    "walk-in": (0.04, ["walk-in", "Walk in", "substitute", "Substitute", "replacement"]),
}
MOODLE = {"attended": "P", "late": "L", "cancelled": "E", "dna": "A", "partial": "P", "walk-in": "P"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

# Each dialect: header names for the fields it has, delimiter, BOM, line ending, date style, status style.
DIALECTS = [
    dict(header=[("date", "Date"), ("course", "Course"), ("first", "First Name"), ("last", "Last Name"), ("email", "Email"),
                 ("agency", "Organisation"), ("status", "Status"), ("cancelled_on", "Cancelled On"), ("trainer", "Trainer"),
                 ("venue", "Venue"), ("role", "Role"), ("hours", "Hours"), ("pre", "Pre score"), ("post", "Post score")],
         delimiter=",", bom=False, eol="\r\n", dates="dmy", statuses="words"),
    dict(header=[("first", "First name"), ("last", "Surname"), ("email", "Email address"), ("agency", "Organisation"),
                 ("date", "Session date"), ("course", "Course"), ("status", "Status")],
         delimiter=";", bom=True, eol="\r\n", dates="dmy", statuses="moodle"),
    dict(header=[("date", "date"), ("course", "course"), ("name", "name"), ("email", "email"), ("agency", "agency"),
                 ("status", "status"), ("cancelled_on", "cancelled_on"), ("role", "role"), ("hours", "hours")],
         delimiter=",", bom=False, eol="\n", dates="iso", statuses="words"),
    dict(header=[("name", "Attendee"), ("agency", "Employer"), ("course", "Course title"), ("date", "Event date"),
                 ("status", "Attendance status"), ("email", "Email address"), ("role", "Job role"), ("hours", "CPD hours"),
                 ("pre", "Confidence before"), ("post", "Confidence after")],
         delimiter=",", bom=True, eol="\n", dates="long", statuses="words"),
    dict(header=[("date", "Session Date"), ("name", "Delegate"), ("agency", "Organization"), ("course", "Course Name"),
                 ("status", "Outcome"), ("cancelled_on", "Date of cancellation"), ("venue", "Venue"), ("session", "Session")],
         delimiter=";", bom=False, eol="\r\n", dates="dmy2", statuses="words"),
]


def weighted_agencies():
    weights = [9, 8, 5, 3, 12, 2, 2, 5, 5, 2, 6, 2, 2, 1, 2, 5, 1, 1, 1, 1, 1, 4, 1]
    return [(name, [name] + aliases, weight) for (name, aliases), weight in zip(AGENCIES, weights)]


def write_date(day, style, rng):
    if style == "iso":
        return day.isoformat()
    if style == "dmy":
        return day.strftime("%d/%m/%Y")
    if style == "dmy2":
        return day.strftime("%d/%m/%y")
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def working_day(rng, start, days):
    while True:
        day = start + dt.timedelta(days=rng.randrange(days))
        if day.weekday() < 5:
            return day


def email_of(row, fields):
    return row[fields.index("email")] if "email" in fields else ""


def write_attendance_content(out):
    content = out / "content"
    (content / "training" / "courses").mkdir(parents=True)
    (content / "site.yml").write_text("name: Milton Keynes Safeguarding Children Board\nshort_name: MKSCB\n"
                                      "base_url: https://www.mkscb.org/\ntraining:\n  notice_days: 3\n"
                                      "  charges: {half_day: 50, full_day: 90}\n", encoding="utf-8")
    lines = []
    for name, aliases in AGENCIES:
        lines.append(f"- name: {json.dumps(name)}")
        lines.append(f"  aliases: [{', '.join(json.dumps(a) for a in aliases)}]")
    (content / "agencies.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for level, (slug, title, duration) in enumerate(COURSES):
        (content / "training" / "courses" / f"{slug}.md").write_text(
            f"---\ntitle: {json.dumps(title)}\ndate: 2024-04-01\nsummary: A course of the benchmark catalogue.\n"
            f"level: {level % 3 + 1}\nduration: {duration}\nrefresh_years: 3\n---\n\nAbout the course.\n", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--files", type=int, default=20)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", default="8")
    parser.add_argument("--no-clean", action="store_true", help="skip clean.csv")
    args = parser.parse_args()
    out = Path(args.out)
    if out.exists():
        shutil.rmtree(out)
    (out / "messy").mkdir(parents=True)
    write_attendance_content(out)

    rng = random.Random(f"{args.seed}-registers-{args.rows}")
    agencies = weighted_agencies()
    agency_weights = [w for _, _, w in agencies]
    people_count = max(1000, args.rows // 8)
    people = []
    for k in range(people_count):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        if rng.random() < 0.002:
            first = f'{first} "{first[:3]}"'  # a nickname in quotes: RFC 4180 doubling
        agency = rng.choices(range(len(agencies)), agency_weights)[0]
        if rng.random() < 0.0005:
            agency = -1 - rng.randrange(len(UNKNOWN_AGENCIES))
        email = f"{first.split()[0].lower()}.{last.lower().replace(chr(39), '')}{k}@example.org"
        people.append((first, last, email, agency, rng.choice(ROLES)))
    status_names = list(STATUSES)
    status_weights = [STATUSES[s][0] for s in status_names]
    fy_start = dt.date(2024, 4, 1)

    manifest = {"rows": args.rows, "files": args.files, "duplicates": 0, "bad_rows": 0, "outside_period": 0,
                "clean_rows": 0, "status_counts": {}, "messy_bytes": 0}
    clean_file = None if args.no_clean else open(out / "clean.csv", "w", encoding="utf-8", newline="")
    clean = None
    if clean_file:
        clean = csv.writer(clean_file, lineterminator="\n")
        clean.writerow(["date", "course", "name", "email", "agency", "status"])
    status_counts = manifest["status_counts"]

    for number in range(args.files):
        dialect = DIALECTS[number % len(DIALECTS)]
        fields = [f for f, _ in dialect["header"]]
        want = args.rows // args.files + (1 if number < args.rows % args.files else 0)
        path = out / "messy" / f"register-{number + 1:02d}.csv"
        with open(path, "w", encoding="utf-8-sig" if dialect["bom"] else "utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter=dialect["delimiter"], lineterminator=dialect["eol"])
            writer.writerow([title for _, title in dialect["header"]])
            written = 0
            while written < want:
                # One session of one course: its date, venue and trainer, then its bookings.
                slug, title, duration = rng.choice(COURSES)
                course_text = rng.choice([title, title, title.lower(), slug])
                if rng.random() < 0.003:  # a few rows from the previous or the next financial year
                    day = working_day(rng, dt.date(2024, 2, 1), 50) if rng.random() < 0.5 else working_day(rng, dt.date(2025, 4, 1), 40)
                    outside = True
                else:
                    day = working_day(rng, fy_start, 365)
                    outside = False
                session_cancelled = rng.random() < 0.02
                venue, trainer = rng.choice(VENUES), rng.choice(TRAINERS)
                hours = "3" if "half" in duration or "hours" in duration or duration == "morning" else "6"
                seats = rng.randint(8, 30)
                session_rows = []
                for _ in range(seats):
                    first, last, email, agency_index, role = people[rng.randrange(people_count)]
                    status = "session cancelled" if session_cancelled else rng.choices(status_names, status_weights)[0]
                    if agency_index >= 0:
                        canonical, spellings, _ = agencies[agency_index]
                        spelled = canonical if rng.random() < 0.4 else rng.choice(spellings)
                        if rng.random() < 0.05:
                            spelled = spelled.upper() if rng.random() < 0.5 else spelled.lower()
                    else:
                        canonical = spelled = UNKNOWN_AGENCIES[-1 - agency_index]
                    if dialect["statuses"] == "moodle":
                        written_status = "session cancelled" if session_cancelled else MOODLE[status]
                        counted = {"P": "attended", "L": "late", "E": "cancelled", "A": "dna"}.get(written_status, status)
                    else:
                        written_status = rng.choice(["session cancelled", "Session cancelled", "event cancelled", "Course cancelled"]) \
                            if session_cancelled else rng.choice(STATUSES[status][1])
                        counted = "session cancelled" if session_cancelled else status
                    values = {
                        "date": write_date(day, dialect["dates"], rng), "course": course_text,
                        "name": f"{first} {last}", "first": first, "last": last, "email": email,
                        "agency": spelled, "status": written_status, "trainer": trainer, "venue": venue, "role": role,
                        "hours": hours, "session": f"{slug}-{day.isoformat()}", "pre": "", "post": "", "cancelled_on": "",
                    }
                    if counted == "cancelled":
                        values["cancelled_on"] = write_date(day - dt.timedelta(days=rng.randint(1, 20)), dialect["dates"], rng)
                    elif counted in ("attended", "late", "partial") and rng.random() < 0.6:
                        pre = rng.randint(1, 4)
                        values["pre"], values["post"] = str(pre), str(min(5, pre + rng.randint(0, 2)))
                    row = [values[f] for f in fields]
                    kind = "ok"
                    roll = rng.random()
                    if roll < 0.0002:  # bad rows: a short row, an impossible date, an unknown status
                        bad = rng.randrange(3)
                        if bad == 0:
                            row = row[:max(1, len(row) - 2)]
                        elif bad == 1:
                            row[fields.index("date")] = rng.choice(["31/02/2024", "TBC", "2024-13-40"])
                        else:
                            row[fields.index("status")] = rng.choice(["maybe", "unknown", "?"])
                        kind = "bad"
                    session_rows.append((row, kind, canonical, counted, values["name"]))
                    if kind == "ok" and roll > 0.99:  # the same booking entered twice
                        session_rows.append((list(row), "duplicate", canonical, counted, values["name"]))
                for row, kind, canonical, counted, name in session_rows:
                    if written >= want:
                        break
                    writer.writerow(row)
                    written += 1
                    if kind == "bad":
                        manifest["bad_rows"] += 1
                        continue
                    if kind == "duplicate":
                        manifest["duplicates"] += 1
                    if outside:
                        manifest["outside_period"] += 1
                        continue
                    status_counts[counted] = status_counts.get(counted, 0) + 1
                    if clean:
                        clean.writerow([day.isoformat(), title, name, email_of(row, fields), canonical, counted])
                    manifest["clean_rows"] += 1
        manifest["messy_bytes"] += path.stat().st_size
    if clean_file:
        clean_file.close()
        manifest["clean_bytes"] = (out / "clean.csv").stat().st_size
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"generated {args.rows} register rows in {args.files} files ({manifest['messy_bytes'] / 1e6:.1f} MB; "
          f"{manifest['duplicates']} duplicates, {manifest['bad_rows']} bad rows, {manifest['outside_period']} outside 2024-25)"
          + (f" and clean.csv ({manifest['clean_rows']} rows, {manifest['clean_bytes'] / 1e6:.1f} MB)" if clean_file else "")
          + f" in {out}")


if __name__ == "__main__":
    main()
