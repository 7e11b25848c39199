#!/usr/bin/env python3
"""Generates a benchmark corpus: a learnsite content folder, an equivalent Hugo site, and all bodies in one file.

    gen_site.py --pages 10000 --out bench-work/site-10000 [--seed 8]

Writes, under OUT:
  content/      a full learnsite content folder (site.yml, glossary.yml, references.yml, agencies.yml, index.md,
                bulletins/ strategies/ references/ lessons/ briefings/)
  hugo-site/    the same bodies as a Hugo site (front matter title, date, description) with the layouts of
                scripts/bench/hugo/ (no RSS, sitemap or taxonomy pages; goldmark tables, footnotes, task lists)
  all.md        every body, concatenated, for the bare `cmark-gfm` baseline
  manifest.json counts and sizes

Deterministic: the same --pages and --seed give byte-identical files (each page has its own random stream, seeded
from the seed and the page's number). Python 3.11, standard library only.
"""
import argparse
import json
import os
import random
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus_data import AGENCIES, GLOSSARY, THEMES  # noqa: E402

KINDS = [  # folder, share of the pages, Hugo section title, slug prefix
    ("bulletins", 0.30, "Learning bulletins", "bulletin"),
    ("lessons", 0.25, "Lessons from case reviews", "lesson"),
    ("briefings", 0.25, "Briefings", "briefing"),
    ("strategies", 0.10, "Strategies", "strategy"),
    ("references", 0.10, "Key references", "references"),
]

TOPICS = [
    "neglect", "child sexual exploitation", "criminal exploitation", "county lines", "going missing",
    "domestic abuse", "online harm", "self-harm", "bruising in non-mobile babies", "safer sleep",
    "parental mental health", "substance misuse", "information sharing", "professional curiosity",
    "escalation", "early help", "children with disabilities", "private fostering", "female genital mutilation",
    "forced marriage", "radicalisation", "modern slavery", "contextual safeguarding", "transitions to adulthood",
    "school exclusion", "elective home education", "fabricated or induced illness", "child sexual abuse in the family",
    "harmful sexual behaviour", "adolescent neglect", "serious youth violence", "trafficking", "homelessness at 16 and 17",
    "the voice of the child", "fathers and male carers", "the toxic trio", "disguised compliance", "thresholds",
]
ADJ = ["clear", "early", "joined-up", "timely", "curious", "consistent", "careful", "shared", "routine", "robust",
       "respectful", "persistent", "informed", "proportionate", "practical", "honest", "local", "national"]
NOUNS = ["assessment", "referral", "strategy discussion", "case review", "chronology", "safety plan", "core group",
         "supervision", "home visit", "return interview", "disruption plan", "health assessment", "risk assessment",
         "escalation", "professionals meeting", "case file audit", "learning event", "action plan", "pathway"]
PEOPLE = ["practitioners", "social workers", "health visitors", "school nurses", "teachers", "designated leads",
          "police officers", "youth workers", "GPs", "midwives", "housing officers", "managers", "foster carers",
          "early help workers", "paediatricians", "probation officers", "trainers", "volunteers"]
CHILDREN = ["the child", "the baby", "the young person", "a 14-year-old", "the sibling group", "a looked after child",
            "a 16-year-old", "the children", "a teenager placed out of area", "a young carer"]
VERBS = ["recorded", "shared", "escalated", "missed", "reviewed", "challenged", "noticed", "assessed", "discussed",
         "followed up", "referred", "explained", "checked", "agreed", "documented", "questioned"]
SENTENCES = [
    "{People} {verb} concerns about {child} but the {noun} did not reflect what was known.",
    "The review found that {adj} {noun} would have given {people} a fuller picture of {child}'s daily life.",
    "Where the {T} is involved, {people} should expect a {adj} {noun} within an agreed timescale.",
    "Information held by the {T} and the {T2} was not brought together until after the incident.",
    "{Child} was seen by {people} on several occasions, and each contact was treated on its own.",
    "Practitioners should ask what a day is like for {child}, and record the answer in the child's own words.",
    "A {adj} {noun} helps {people} to see patterns that single incidents hide.",
    "The {T} agreed an action plan, but nobody checked whether the actions made a difference for {child}.",
    "When {people} disagree about thresholds, use the escalation policy rather than letting the case drift.",
    "The learning applies to every agency, not only to the {T}.",
    "Staff turnover meant that {people} did not know the history, so the {noun} started again from nothing.",
    "Good practice included a {adj} {noun} led by the {T}, with {people} invited from the start.",
    "Ask yourself whether the plan is working for {child}, or only for the adults around them.",
    "The {T} has published guidance on {topic}, and this page summarises what it means locally.",
    "In {year}, {n} children in {area} were subject to a plan where {topic} was a factor.",
    "Listening to {child} matters: their behaviour may be the clearest sign of what is happening at home.",
    "{People} told the review that they lacked confidence in raising {topic} with parents.",
    "Supervision gave {people} space to reflect on {topic}, and to notice what had not changed.",
    "A referral to the {T} should say what you have seen, what you think it means, and what you want to happen.",
    "The {noun} was {adj}, but it did not ask about the adults who came and went from the household.",
    "Consider whether {topic} is part of the picture, even when it is not the reason for your involvement.",
    "Some families move between areas often; check with the {T} where {child} was known before.",
    "The board will check progress on these actions at its next {noun}.",
    "Key messages from the {T} were shared with {people} through briefings and team meetings.",
]
QUESTIONS = [
    "Which of the children we work with right now could this apply to, and what do we know about the adults around them?",
    "When did we last use the escalation policy, and what stopped us if the answer is never?",
    "How would {child} describe our involvement, and would they say we listened?",
    "What does the {T} need from us when we refer, and do our referrals give it?",
    "Which agencies hold part of the picture for {child}, and when did we last bring it together?",
    "How do we make sure {topic} is discussed in supervision, not only when there is a crisis?",
    "What would a {adj} {noun} look like in our team, and who would lead it?",
    "How are we putting this learning into our own agency's induction and training?",
]
AREAS = ["Milton Keynes", "Bletchley", "Wolverton", "Newport Pagnell", "Olney", "Central Milton Keynes", "Stony Stratford"]
EXTERNAL = ["https://www.gov.uk/government/publications/working-together-to-safeguard-children--2",
            "https://learning.nspcc.org.uk/case-reviews", "https://www.mkscb.org/", "https://www.proceduresonline.com/",
            "https://www.csnetwork.org.uk/", "https://www.barnardos.org.uk/", "https://www.childrenssociety.org.uk/"]
TABLE_HEADS = [["Agency", "Referrals", "Change", "Notes"], ["Year", "Cases", "Rate per 10,000"],
               ["Stage", "Who acts", "Timescale", "Record in"], ["Risk indicator", "Seen locally", "Action"],
               ["Quarter", "Contacts", "Referrals", "Assessments", "Plans"]]


def cap(text):
    return text[:1].upper() + text[1:]


class Page:
    __slots__ = ("index", "kind", "slug", "title")

    def __init__(self, index, kind, slug, title):
        self.index, self.kind, self.slug, self.title = index, kind, slug, title


def plan_pages(count, seed):
    """Kind, slug and title of every page, from a stream of its own (so bodies can link to any page)."""
    rng = random.Random(f"{seed}-plan")
    pages, index = [], 0
    quotas = [int(count * share) for _, share, _, _ in KINDS]
    quotas[0] += count - sum(quotas)
    for (folder, _, _, prefix), quota in zip(KINDS, quotas):
        for number in range(quota):
            topic = rng.choice(TOPICS)
            words = "-".join(w for w in topic.replace("'", "").split() if w.isalnum() or "-" in w)
            slug = f"{prefix}-{words}-{number + 1:05d}"
            title = {
                "bulletins": f"Learning bulletin {number + 1}: {cap(topic)}",
                "lessons": f"Learning from case reviews: {topic}",
                "briefings": f"Seven-minute briefing: {topic} ({number + 1})",
                "strategies": f"{cap(topic)} strategy {2010 + number % 16}-{(11 + number % 16) % 100:02d}",
                "references": f"Key references on {topic} ({number + 1})",
            }[folder]
            pages.append(Page(index, folder, slug, title))
            index += 1
    return pages


def make_references(seed, count=200):
    rng = random.Random(f"{seed}-references")
    publishers = [("NSPCC", "nspcc"), ("Ofsted", "ofsted"), ("Department for Education", "dfe"), ("Home Office", "home-office"),
                  ("Barnardo's", "barnardos"), ("The Children's Society", "childrens-society"),
                  ("Child Safeguarding Practice Review Panel", "cspr-panel"), ("Research in Practice", "rip"),
                  ("Local Government Association", "lga"), ("Care Quality Commission", "cqc"),
                  ("HM Inspectorate of Constabulary", "hmicfrs"), ("MK Together", "mktogether")]
    refs, seen = [], set()
    for number in range(count):
        publisher, base = publishers[number % len(publishers)]
        topic = rng.choice(TOPICS)
        year = rng.randint(2005, 2025)
        ident = f"{base}-{year}-{topic.split()[0]}"
        suffix = ord("a")
        while ident in seen:
            ident = f"{base}-{year}-{topic.split()[0]}-{chr(suffix)}"
            suffix += 1
        seen.add(ident)
        refs.append({
            "id": ident,
            "title": f"{cap(topic)}: {rng.choice(['a thematic review', 'practice guidance', 'messages for practice', 'an evidence review', 'annual report', 'learning from case reviews'])}",
            "author": rng.choice([publisher, "J. Smith", "A. Patel", "R. Okafor", "M. Brown and L. Green"]),
            "publisher": publisher,
            "date": f"{year}-{rng.randint(1, 12):02d}",
            "url": f"https://www.example.org/{base}/{year}/{topic.replace(' ', '-')}",
        })
    return refs


def q(text):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


class BodyWriter:
    def __init__(self, rng, page, pages, refs):
        self.rng, self.page, self.pages, self.refs = rng, page, pages, refs
        self.topic = page.title.split(": ")[-1].split(" (")[0].lower()
        self.footnotes = []
        self.cited = []
        self.headings = set()

    def fill(self, template):
        r = self.rng
        terms = r.sample(GLOSSARY, 2)
        people = r.choice(PEOPLE)
        child = r.choice(CHILDREN)
        return template.format(
            T=terms[0][0], T2=terms[1][0], people=people, People=cap(people), child=child, Child=cap(child),
            verb=r.choice(VERBS), noun=r.choice(NOUNS), adj=r.choice(ADJ), topic=r.choice([self.topic] + TOPICS[:6]),
            year=r.randint(2012, 2025), n=r.randint(3, 480), area=r.choice(AREAS))

    def inline_extras(self, sentence):
        r = self.rng
        roll = r.random()
        if roll < 0.10:
            ids = [x["id"] for x in r.sample(self.refs, r.choice([1, 1, 1, 2]))]
            self.cited.extend(ids)
            sentence = sentence[:-1] + " [" + "; ".join("@" + i for i in ids) + "]."
        elif roll < 0.15:
            other = self.pages[r.randrange(len(self.pages))]
            sentence += f" See [{other.title.lower()}](../../{other.kind}/{other.slug}/)."
        elif roll < 0.18:
            sentence += f" More is on the [partner's website]({r.choice(EXTERNAL)})."
        elif roll < 0.20:
            number = len(self.footnotes) + 1
            self.footnotes.append(f"[^{number}]: {self.fill(r.choice(SENTENCES))}")
            sentence = sentence[:-1] + f"[^{number}]."
        elif roll < 0.23:
            words = sentence.split(" ")
            if len(words) > 6:
                at = r.randrange(1, len(words) - 3)
                style = r.choice(["**{}**", "*{}*", "~~{}~~", "`{}`"])
                words[at:at + 2] = [style.format(" ".join(words[at:at + 2]))]
                sentence = " ".join(words)
        elif roll < 0.24:
            sentence += f" Contact the board at <{r.choice(EXTERNAL)}> or www.mkscb.org."
        return sentence

    def paragraph(self):
        return " ".join(self.inline_extras(self.fill(self.rng.choice(SENTENCES))) for _ in range(self.rng.randint(2, 6)))

    def heading(self, level):
        r = self.rng
        for _ in range(20):
            text = cap(r.choice([
                f"What the review found about {self.topic}", f"{cap(r.choice(ADJ))} {r.choice(NOUNS)}",
                f"Messages for {r.choice(PEOPLE)}", f"The role of the {r.choice(GLOSSARY)[1]}",
                f"Working with {r.choice(CHILDREN)}", f"Local picture in {r.choice(AREAS)}",
                f"{cap(r.choice(TOPICS))} and {r.choice(NOUNS)}s", "What good looks like", "Questions to ask yourself",
            ]))
            if text not in self.headings:
                break
            text += f" {len(self.headings) + 1}"
        self.headings.add(text)
        return "#" * level + " " + text

    def bullet_list(self, ordered=False, tasks=False):
        lines = []
        for number in range(self.rng.randint(3, 8)):
            text = self.inline_extras(self.fill(self.rng.choice(SENTENCES)))
            if tasks:
                lines.append(f"- [{'x' if self.rng.random() < 0.4 else ' '}] {text}")
            elif ordered:
                lines.append(f"{number + 1}. {text}")
            else:
                lines.append(f"- {text}")
        return "\n".join(lines)

    def table(self):
        r = self.rng
        head = r.choice(TABLE_HEADS)
        aligns = ["---"] + [r.choice(["---", "---:", ":---:"]) for _ in head[1:]]
        rows = ["| " + " | ".join(head) + " |", "| " + " | ".join(aligns) + " |"]
        for _ in range(r.randint(3, 12)):
            first = r.choice([r.choice(GLOSSARY)[0], r.choice(AREAS), str(r.randint(2012, 2025)), cap(r.choice(NOUNS))])
            cells = [first] + [r.choice([str(r.randint(0, 2500)), f"{r.randint(-40, 60)}%", r.choice(ADJ), f"{r.randint(1, 28)} days",
                                         r.choice(["yes", "no", "partly", "see note"])]) for _ in head[1:]]
            rows.append("| " + " | ".join(cells) + " |")
        return "\n".join(rows)

    def quote(self):
        return "> " + self.paragraph() + "\n>\n> " + self.fill(self.rng.choice(SENTENCES))

    def body(self, target, limit):
        r = self.rng
        blocks = [self.paragraph()]
        size, level, since_heading = len(blocks[0]), 1, 1
        while size < target:
            roll = r.random()
            if since_heading >= 2 and roll < 0.22:
                level = 3 if level >= 2 and r.random() < 0.4 else 2
                block, since_heading = self.heading(level), 0
            else:
                since_heading += 1
                roll = r.random()
                if roll < 0.60:
                    block = self.paragraph()
                elif roll < 0.72:
                    block = self.bullet_list()
                elif roll < 0.78:
                    block = self.bullet_list(ordered=True)
                elif roll < 0.84:
                    block = self.bullet_list(tasks=True)
                elif roll < 0.94:
                    block = self.table()
                else:
                    block = self.quote()
            if size + len(block) + 2 > limit:
                break
            blocks.append(block)
            size += len(block) + 2
        blocks.extend(self.footnotes)
        return "\n\n".join(blocks) + "\n"


def date_text(rng, low=2012, high=2025):
    return f"{rng.randint(low, high)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def render_page(seed, page, pages, refs):
    """(learnsite file text, Hugo file text, body) of one page."""
    rng = random.Random(f"{seed}-page-{page.index}")
    # Body bytes: with the front matter (0.3-1.7 KB) whole files come out at 1-12 KB, about 5.3 KB on average.
    target = int(rng.triangular(600, 10000, 1300))
    writer = BodyWriter(rng, page, pages, refs)
    body = writer.body(target, limit=10200)
    date = date_text(rng)
    summary = writer.fill(rng.choice(SENTENCES))
    year = int(date[:4])
    front = ["---", f"title: {q(page.title)}", f"date: {date}", f"summary: {q(summary)}",
             f"themes: [{', '.join(rng.sample(THEMES, rng.randint(1, 4)))}]"]
    if rng.random() < 0.3:
        front.append(f"revised: {min(year + 1, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
    if rng.random() < 0.8:
        front.append(f"review_by: {year + rng.randint(1, 3)}-{date[5:]}")
    front.append(f"author: {q(rng.choice(['Milton Keynes Safeguarding Children Board', 'MK Together Learning and Development subgroup', 'NSPCC (summary for team meetings)', 'Designated professionals']))}")
    front.append(f"audience: {q('Practitioners and managers in ' + rng.choice(['every agency', 'health and social care', 'schools and early years', 'police and youth justice']))}")
    if page.kind != "references" or rng.random() < 0.5:
        front.append("discussion:")
        for _ in range(rng.randint(1, 5)):
            front.append(f"  - {q(writer.fill(rng.choice(QUESTIONS)))}")
    if rng.random() < 0.6:
        front.append("figures:")
        for _ in range(rng.randint(1, 4)):
            front.append(f"  - label: {q(cap(rng.choice(NOUNS)) + 's in ' + rng.choice(AREAS))}")
            front.append(f"    value: {q(str(rng.randint(2, 900)) + rng.choice(['', '%', ' a month']))}")
            if rng.random() < 0.5:
                front.append(f"    note: {q(writer.fill(rng.choice(SENTENCES)))}")
    listed = sorted(set(writer.cited))[:6] or [rng.choice(refs)["id"]]
    if page.kind == "references":
        listed = sorted(set(listed) | {x["id"] for x in rng.sample(refs, rng.randint(5, 15))})
    front.append(f"references: [{', '.join(listed)}]")
    front.append("---")
    learnsite = "\n".join(front) + "\n" + body
    hugo = "\n".join(["---", f"title: {q(page.title)}", f"date: {date}", f"description: {q(summary)}", "---"]) + "\n" + body
    return learnsite, hugo, body


def write_yaml_lists(content, refs):
    glossary = []
    for term, expansion, definition in GLOSSARY:
        glossary += [f"- term: {term}", f"  expansion: {q(expansion)}", f"  definition: {q(definition)}"]
    (content / "glossary.yml").write_text("\n".join(glossary) + "\n", encoding="utf-8")
    lines = ["# Generated library for the benchmark corpus"]
    for ref in refs:
        lines.append(f"- id: {ref['id']}")
        for key in ("title", "author", "publisher", "date", "url"):
            lines.append(f"  {key}: {q(ref[key])}")
    (content / "references.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    agencies = []
    for name, aliases in AGENCIES:
        agencies.append(f"- name: {q(name)}")
        agencies.append(f"  aliases: [{', '.join(q(a) for a in aliases)}]")
    (content / "agencies.yml").write_text("\n".join(agencies) + "\n", encoding="utf-8")


SITE_YML = """name: Milton Keynes Safeguarding Children Board
short_name: MKSCB
base_url: https://www.mkscb.org/
language: en-GB
description: Benchmark corpus of learning bulletins, strategies, references, lessons and briefings.
unsafe_html: false
contacts:
  - name: Child in immediate danger - Police
    phone: "999"
    note: If a child is at risk of harm right now, ring the police on 999 before doing anything else.
  - name: Milton Keynes Multi Agency Safeguarding Hub (MASH)
    phone: "01908 253169"
    note: Worried about a child? Ring the MASH to talk through your concern or make a referral.
  - name: MKSCB board office
    phone: "01908 254373"
    email: MKSCB@milton-keynes.gov.uk
    url: https://www.mkscb.org/
exit_this_page:
  enabled: true
  url: https://www.bbc.co.uk/weather
accessibility:
  contact_email: MKSCB@milton-keynes.gov.uk
  last_reviewed: 2026-11-01
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", default="8")
    args = parser.parse_args()
    out = Path(args.out)
    if out.exists():
        shutil.rmtree(out)
    content, hugo = out / "content", out / "hugo-site"
    pages = plan_pages(args.pages, args.seed)
    refs = make_references(args.seed)
    content.mkdir(parents=True)
    (content / "site.yml").write_text(SITE_YML, encoding="utf-8")
    (content / "index.md").write_text("Learning from reviews, for everyone who works with children in Milton Keynes.\n", encoding="utf-8")
    write_yaml_lists(content, refs)
    shutil.copytree(HERE / "hugo", hugo)
    (hugo / "content").mkdir()
    (hugo / "content" / "_index.md").write_text("---\ntitle: \"Milton Keynes Safeguarding Children Board\"\n---\n"
                                                "Learning from reviews, for everyone who works with children in Milton Keynes.\n", encoding="utf-8")
    for folder, _, section_title, _ in KINDS:
        (content / folder).mkdir()
        (hugo / "content" / folder).mkdir()
        (hugo / "content" / folder / "_index.md").write_text(f"---\ntitle: {q(section_title)}\n---\n", encoding="utf-8")
    md_bytes = body_bytes = 0
    sizes = []
    with open(out / "all.md", "w", encoding="utf-8", newline="\n") as everything:
        for page in pages:
            learnsite, hugo_text, body = render_page(args.seed, page, pages, refs)
            data = learnsite.encode("utf-8")
            (content / page.kind / f"{page.slug}.md").write_bytes(data)
            (hugo / "content" / page.kind / f"{page.slug}.md").write_text(hugo_text, encoding="utf-8")
            everything.write(body)
            everything.write("\n")
            md_bytes += len(data)
            body_bytes += len(body.encode("utf-8"))
            sizes.append(len(data))
    manifest = {
        "pages": len(pages), "seed": args.seed, "markdown_bytes": md_bytes, "body_bytes": body_bytes,
        "page_bytes_min": min(sizes), "page_bytes_max": max(sizes), "page_bytes_mean": md_bytes // len(sizes),
        "kinds": {folder: sum(1 for p in pages if p.kind == folder) for folder, *_ in KINDS},
        "glossary_terms": len(GLOSSARY), "references": len(refs),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"generated {len(pages)} pages, {md_bytes / 1e6:.1f} MB of Markdown "
          f"({min(sizes)}-{max(sizes)} B a page), Hugo site and all.md ({body_bytes / 1e6:.1f} MB) in {out}")


if __name__ == "__main__":
    main()
