#!/usr/bin/env python3
"""Independent oracle for the `smarketing import` fixtures.

Reads the CSV fixtures with Python's `csv` module and its own date/money handling (it shares no
code with sample-data/imports/generate.py) and writes expected.json next to this file.

    python3 Tests/SmarketingModelTests/Fixtures/imports/oracle.py          # rewrite expected.json
    python3 Tests/SmarketingModelTests/Fixtures/imports/oracle.py --check  # compare, exit 1 on diff

Definitions (per week, Monday..Sunday, the date as written -- zones are never converted):
  leads          contacts whose lead date ("Became a Lead Date", else "Create Date") is in the week
  mqls / sqls    contacts whose MQL / SQL date is in the week
  opportunities  deals whose create date is in the week; without deals, contacts' opportunity date
  won / lost     deals in Closed Won / Closed Lost whose close date is in the week
  newCustomers   contacts whose customer date is in the week; without contacts, = won
  cycleDays      per won deal closing in the week, close date - create date in days, file order
  marketingSpend sum of all spend rows dated in the week, all spend files
A week appears when at least one counted date falls in it; every computable field is then present
(0 / [] when nothing counted). Weeks outside a "range" are NOT dropped here: the output lists every
week a counted date touches, so a test can pick the weeks it cares about.
"""

import csv
import io
import json
import os
import re
import sys
from datetime import date, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".."))
SAMPLE = os.path.join(ROOT, "sample-data", "imports")


class ImportError_(Exception):
    def __init__(self, kind, **info):
        super().__init__(kind)
        self.kind, self.info = kind, info


# ------------------------------------------------------------------------------------------
# Reading
# ------------------------------------------------------------------------------------------

def read_table(path):
    raw = open(path, "rb").read()
    if not raw:
        raise ImportError_("empty")
    if b"\x00" in raw[:512]:
        raise ImportError_("binary")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportError_("binary")
    first_line = text.split("\n", 1)[0]
    delim = ";" if first_line.count(";") > first_line.count(",") else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
    header = [h.strip() for h in rows[0]]
    body = []
    # line numbers: 1-based physical line where each record starts
    line = 1 + sum(f.count("\n") for f in rows[0])
    for r in rows[1:]:
        line += 1
        start = line
        line += sum(f.count("\n") for f in r)
        if not any(c.strip() for c in r):
            continue
        body.append((start, r))
    # Salesforce report footer: a "Total" row followed by copyright / confidentiality lines.
    cut = len(body)
    for i, (_, r) in enumerate(body):
        if len(r) == 1 and r[0].strip() in ("Total", "Grand Totals") or (
                len(r) == 1 and r[0].startswith("Copyright (c)")):
            cut = i
            break
    body = body[:cut]
    if not body:
        raise ImportError_("noDataRows")
    return header, body, delim


# ------------------------------------------------------------------------------------------
# Dates
# ------------------------------------------------------------------------------------------

ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
                 r"(?:Z|[+-]\d{2}:?\d{2})?)?$")
DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
SLASH = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?"
                   r"(?: ?([AaPp][Mm]))?)?$")


def mkdate(y, m, d, hh=None, mm=None, ss=None, ampm=None):
    if hh is not None:
        h, mi = int(hh), int(mm)
        if ampm:
            if not 1 <= h <= 12:
                raise ValueError
        elif h > 23:
            raise ValueError
        if mi > 59 or (ss is not None and int(ss) > 59):
            raise ValueError
    return date(int(y), int(m), int(d))     # raises ValueError on 2026-13-45


def slash_order(values):
    """'MDY' or 'DMY' for a column set of slash dates, from the values themselves."""
    first_big = second_big = False
    for v in values:
        m = SLASH.match(v)
        if m:
            a, b = int(m.group(1)), int(m.group(2))
            first_big |= a > 12
            second_big |= b > 12
    if first_big and second_big:
        raise ImportError_("inconsistentDates")
    if first_big:
        return "DMY"
    if second_big:
        return "MDY"
    return None


def parse_date(v, order):
    v = v.strip()
    if not v:
        return None
    m = ISO.match(v)
    if m:
        return mkdate(*m.groups()[:6])
    m = DOTTED.match(v)
    if m:
        d, mo, y, hh, mi, ss = m.groups()
        return mkdate(y, mo, d, hh, mi, ss)
    m = SLASH.match(v)
    if m:
        a, b, y, hh, mi, ss, ampm = m.groups()
        if order is None:
            raise ImportError_("ambiguousDates", value=v)
        mo, d = (a, b) if order == "MDY" else (b, a)
        return mkdate(y, mo, d, hh, mi, ss, ampm)
    raise ValueError(v)


class Dates:
    """Parses the date columns of one file, deciding slash order once per file."""

    def __init__(self, header, body, cols, declared=None):
        self.header = header
        if declared is not None:
            self.order = declared
        else:
            vals = []
            for _, r in body:
                for c in cols:
                    i = header.index(c)
                    if i < len(r):
                        vals.append(r[i].strip())
            self.order = slash_order(vals)
            if self.order is None and any(SLASH.match(v) for v in vals):
                raise ImportError_("ambiguousDates")

    def get(self, line, row, col):
        i = self.header.index(col)
        v = row[i] if i < len(row) else ""
        try:
            return parse_date(v, self.order)
        except ValueError:
            raise ImportError_("badDate", line=line, column=col, value=v.strip())


def week(d):
    return (d - timedelta(days=d.weekday())).isoformat()


# ------------------------------------------------------------------------------------------
# Money
# ------------------------------------------------------------------------------------------

def money_style(values):
    """'eu' when any value uses a decimal comma (1.234,56 / 250,5 / 99,99)."""
    for v in values:
        s = re.sub(r"[^0-9.,]", "", v)
        if re.search(r",\d{1,2}$", s):
            return "eu"
    return "us"


def parse_money(v, style):
    s = v.strip()
    if not s:
        return None
    s = re.sub(r"(?i)\b(usd|eur|gbp)\b|[$€£\s\u00a0]", "", s)
    if style == "eu":
        s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", "")
    if not re.fullmatch(r"-?\d+(\.\d+)?", s):
        raise ImportError_("badAmount", value=v)
    return round(float(s) * 100)       # cents


# ------------------------------------------------------------------------------------------
# Formats
# ------------------------------------------------------------------------------------------

def need(header, cols):
    for c in cols:
        if c not in header:
            raise ImportError_("missingColumn", column=c)


def load_contacts(path, mapping=None):
    """-> dict metric -> list of dates (only metrics the file has a column for)."""
    header, body, _ = read_table(path)
    if mapping is not None:
        cm = mapping["contacts"]
        lead_c, create_c = cm.get("leadDate"), cm.get("createDate")
        cols = {"mqls": cm.get("mqlDate"), "sqls": cm.get("sqlDate"),
                "opportunities": cm.get("opportunityDate"), "newCustomers": cm.get("customerDate")}
        declared = {"dd/MM/yyyy": "DMY", "MM/dd/yyyy": "MDY"}.get(mapping.get("dateFormat"))
    elif "Lead Status" in header:                                   # Salesforce leads report
        lead_c, create_c, cols, declared = None, "Create Date", {}, None
    else:                                                           # HubSpot contacts (labels)
        lead_c = "Became a Lead Date" if "Became a Lead Date" in header else None
        create_c = "Create Date"
        cols = {"mqls": "Became a Marketing Qualified Lead Date",
                "sqls": "Became a Sales Qualified Lead Date",
                "opportunities": "Became an Opportunity Date",
                "newCustomers": "Became a Customer Date"}
        cols = {k: v for k, v in cols.items() if v in header}
        declared = None
    cols = {k: v for k, v in cols.items() if v}
    need(header, [c for c in [lead_c, create_c] + list(cols.values()) if c])
    dates = Dates(header, body, [c for c in [lead_c, create_c] + list(cols.values()) if c],
                  declared)
    out = {"leads": []}
    out.update({k: [] for k in cols})
    for line, r in body:
        ld = dates.get(line, r, lead_c) if lead_c else None
        cd = dates.get(line, r, create_c) if create_c else None
        if ld or cd:
            out["leads"].append(ld or cd)
        for k, c in cols.items():
            d = dates.get(line, r, c)
            if d:
                out[k].append(d)
    return out


def load_deals(path, mapping=None):
    """-> list of (created, closed, outcome) with outcome in {'won','lost',None}."""
    header, body, _ = read_table(path)
    deals = []
    if mapping is not None:
        dm = mapping["deals"]
        need(header, [dm["created"], dm["closed"], dm["stage"]])
        declared = {"dd/MM/yyyy": "DMY", "MM/dd/yyyy": "MDY"}.get(mapping.get("dateFormat"))
        dates = Dates(header, body, [dm["created"], dm["closed"]], declared)
        si = header.index(dm["stage"])
        for line, r in body:
            st = r[si].strip()
            outcome = "won" if st in dm["won"] else "lost" if st in dm["lost"] else None
            deals.append((dates.get(line, r, dm["created"]), dates.get(line, r, dm["closed"]),
                          outcome))
        return deals
    if "Deal - Status" in header:                                   # Pipedrive
        cols = ["Deal - Deal created", "Deal - Won time", "Deal - Lost time"]
        need(header, cols + ["Deal - Status"])
        dates = Dates(header, body, cols)
        si = header.index("Deal - Status")
        for line, r in body:
            st = r[si].strip().lower()
            cr = dates.get(line, r, "Deal - Deal created")
            if st == "won":
                deals.append((cr, dates.get(line, r, "Deal - Won time"), "won"))
            elif st == "lost":
                deals.append((cr, dates.get(line, r, "Deal - Lost time"), "lost"))
            else:
                deals.append((cr, None, None))
        return deals
    if "dealstage" in header:                                       # HubSpot internal names
        stage, created, closed = "dealstage", "createdate", "closedate"
        won, lost = {"closedwon"}, {"closedlost"}
    elif "Deal Stage" in header:                                    # HubSpot labels
        stage, created, closed = "Deal Stage", "Create Date", "Close Date"
        won, lost = {"Closed Won"}, {"Closed Lost"}
    else:                                                           # Salesforce opportunities
        stage, created, closed = "Stage", "Created Date", "Close Date"
        won, lost = {"Closed Won"}, {"Closed Lost"}
    need(header, [stage, created, closed])
    dates = Dates(header, body, [created, closed])
    si = header.index(stage)
    for line, r in body:
        st = r[si].strip()
        outcome = "won" if st in won else "lost" if st in lost else None
        deals.append((dates.get(line, r, created), dates.get(line, r, closed), outcome))
    return deals


SPEND_COLS = [("Day", "Cost"), ("Start Date (in UTC)", "Total Spent"),
              ("Reporting starts", "Amount spent (USD)"), ("Date", "Cost")]


def load_spend(path):
    """-> list of (date, cents)."""
    header, body, _ = read_table(path)
    for dc, ac in SPEND_COLS:
        if dc in header and ac in header:
            break
    else:
        raise ImportError_("missingColumn", column="Date/Cost")
    dates = Dates(header, body, [dc])
    ai = header.index(ac)
    style = money_style([r[ai] for _, r in body if ai < len(r)])
    out = []
    for line, r in body:
        d = dates.get(line, r, dc)
        cents = parse_money(r[ai] if ai < len(r) else "", style)
        if d is not None and cents is not None:
            out.append((d, cents))
    return out


# ------------------------------------------------------------------------------------------
# Weekly aggregation
# ------------------------------------------------------------------------------------------

def load_map(path):
    if path.endswith(".toml"):
        import tomllib
        return tomllib.load(open(path, "rb"))
    return json.load(open(path, encoding="utf-8"))


def compute(base, contacts=(), deals=(), spend=(), mapping=None):
    m = load_map(os.path.join(base, mapping)) if mapping else None
    c_metrics = {}
    for f in contacts:
        for k, v in load_contacts(os.path.join(base, f), m).items():
            c_metrics.setdefault(k, []).extend(v)
    all_deals = []
    for f in deals:
        all_deals.extend(load_deals(os.path.join(base, f), m))
    spend_rows = []
    for f in spend:
        spend_rows.extend(load_spend(os.path.join(base, f)))

    fields = []
    counted = {}                        # field -> {week: value}
    if contacts:
        for k in ("leads", "mqls", "sqls"):
            if k in c_metrics:
                fields.append(k)
                counted[k] = {}
                for d in c_metrics[k]:
                    counted[k][week(d)] = counted[k].get(week(d), 0) + 1
    if deals:
        fields += ["opportunities", "won", "lost", "cycleDays"]
        for k in ("opportunities", "won", "lost", "cycleDays"):
            counted[k] = {}
        for cr, cl, outcome in all_deals:
            if cr:
                counted["opportunities"][week(cr)] = counted["opportunities"].get(week(cr), 0) + 1
            if outcome and cl:
                counted[outcome][week(cl)] = counted[outcome].get(week(cl), 0) + 1
                if outcome == "won":
                    counted["cycleDays"].setdefault(week(cl), []).append((cl - cr).days)
    elif "opportunities" in c_metrics:
        fields.append("opportunities")
        counted["opportunities"] = {}
        for d in c_metrics["opportunities"]:
            counted["opportunities"][week(d)] = counted["opportunities"].get(week(d), 0) + 1
    if contacts and "newCustomers" in c_metrics:
        fields.append("newCustomers")
        counted["newCustomers"] = {}
        for d in c_metrics["newCustomers"]:
            counted["newCustomers"][week(d)] = counted["newCustomers"].get(week(d), 0) + 1
    elif deals and not contacts:
        fields.append("newCustomers")
        counted["newCustomers"] = dict(counted["won"])
    if spend:
        fields.append("marketingSpend")
        cents = {}
        for d, c in spend_rows:
            cents[week(d)] = cents.get(week(d), 0) + c
        counted["marketingSpend"] = cents

    weeks = sorted({w for f in fields for w in counted[f]})
    out = {}
    for w in weeks:
        rec = {}
        for f in fields:
            if f == "cycleDays":
                rec[f] = counted[f].get(w, [])
            elif f == "marketingSpend":
                rec[f] = round(counted[f].get(w, 0) / 100, 2)
            else:
                rec[f] = counted[f].get(w, 0)
        out[w] = rec
    return fields, out


# ------------------------------------------------------------------------------------------
# Cases
# ------------------------------------------------------------------------------------------

CASES = [
    dict(name="hubspot-contacts-small", contacts=["hubspot-contacts-small.csv"]),
    dict(name="bom-crlf-quoted", contacts=["bom-crlf-quoted.csv"]),
    dict(name="salesforce-leads", contacts=["salesforce-leads.csv"]),
    dict(name="hubspot-deals-labels", deals=["hubspot-deals-labels.csv"]),
    dict(name="hubspot-deals-internal", deals=["hubspot-deals-internal.csv"]),
    dict(name="hubspot-deals-both", deals=["hubspot-deals-labels.csv",
                                           "hubspot-deals-internal.csv"]),
    dict(name="salesforce-opps", deals=["salesforce-opps.csv"]),
    dict(name="salesforce-opps-footer", deals=["salesforce-opps-footer.csv"]),
    dict(name="pipedrive", deals=["pipedrive.csv"]),
    dict(name="google-ads", spend=["google-ads.csv"]),
    dict(name="linkedin", spend=["linkedin.csv"]),
    dict(name="meta", spend=["meta.csv"]),
    dict(name="plain-spend", spend=["plain-spend.csv"]),
    dict(name="european-spend", spend=["european-spend.csv"]),
    dict(name="all-spend", spend=["google-ads.csv", "linkedin.csv", "meta.csv",
                                  "plain-spend.csv", "european-spend.csv"]),
    dict(name="hubspot-full", contacts=["hubspot-contacts-small.csv"],
         deals=["hubspot-deals-labels.csv"], spend=["google-ads.csv", "linkedin.csv", "meta.csv"]),
    dict(name="salesforce-full", contacts=["salesforce-leads.csv"], deals=["salesforce-opps.csv"]),
    dict(name="custom-json", contacts=["custom-contacts.csv"], deals=["custom-deals.csv"],
         map="custom-map.json"),
    dict(name="custom-toml", contacts=["custom-contacts.csv"], deals=["custom-deals.csv"],
         map="custom-map.toml"),
]

BAD = [
    dict(file="bad-missing-column.csv", role="deals", error="missingColumn",
         detail={"column": "Create Date"}),
    dict(file="bad-date.csv", role="contacts", error="badDate",
         detail={"line": 4, "column": "Became a Lead Date", "value": "2026-13-45"},
         note="first bad value; line 6 also has 'next Tuesday' in the MQL column"),
    dict(file="bad-ambiguous-us-dates.csv", role="deals", error="ambiguousDates", detail={}),
    dict(file="bad-binary.csv", role="contacts", error="binary", detail={}),
    dict(file="bad-empty.csv", role="contacts", error="empty", detail={}),
    dict(file="bad-header-only.csv", role="contacts", error="noDataRows", detail={}),
]

ROUTINE = dict(contacts=["hubspot-contacts.csv"], deals=["hubspot-deals.csv"],
               spend=["google-ads.csv", "linkedin-ads.csv", "meta-ads.csv"])
SAMPLE_OTHERS = [
    dict(name="salesforce", contacts=["salesforce-leads.csv"],
         deals=["salesforce-opportunities.csv"]),
    dict(name="pipedrive", deals=["pipedrive-deals.csv"]),
    dict(name="other-spend", spend=["plain-spend.csv", "european-spend.csv"]),
    dict(name="custom", contacts=["custom-crm-contacts.csv"], deals=["custom-crm-deals.csv"],
         map="custom-map.json"),
]


def run_case(base, c):
    fields, weeks = compute(base, c.get("contacts", ()), c.get("deals", ()), c.get("spend", ()),
                            c.get("map"))
    rec = {k: c[k] for k in ("name", "contacts", "deals", "spend", "map") if k in c}
    rec["fields"] = fields
    rec["weeks"] = weeks
    return rec


def build():
    out = {
        "_about": "Generated by oracle.py (independent of sample-data/imports/generate.py). "
                  "Weeks start on Monday; every week a counted date falls in is listed, with all "
                  "fields the inputs can compute. marketingSpend is in the file's currency units, "
                  "rounded to cents. Paths in 'cases' and 'errors' are relative to this folder; in "
                  "'sampleData' to sample-data/imports.",
        "cases": [run_case(HERE, c) for c in CASES],
        "errors": [],
        "sampleData": {},
    }
    for b in BAD:
        path = os.path.join(HERE, b["file"])
        try:
            if b["role"] == "deals":
                load_deals(path)
            else:
                load_contacts(path)
            got = None
        except ImportError_ as e:
            got = (e.kind, e.info)
        want = (b["error"], b["detail"])
        if got != want:
            raise SystemExit("bad fixture %s: oracle got %r, table says %r" % (b["file"], got, want))
        out["errors"].append(b)
    routine = run_case(SAMPLE, dict(name="routine", **ROUTINE))
    routine["command"] = ("smarketing import --contacts hubspot-contacts.csv --deals "
                          "hubspot-deals.csv --spend google-ads.csv --spend linkedin-ads.csv "
                          "--spend meta-ads.csv")
    routine["rangeWeeks"] = ["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16"]
    out["sampleData"]["routine"] = routine
    out["sampleData"]["others"] = [run_case(SAMPLE, c) for c in SAMPLE_OTHERS]
    return out


def check_routine_against_northwind(routine):
    nw = json.load(open(os.path.join(ROOT, "sample-data", "northwind.json"), encoding="utf-8"))
    byweek = {w["weekStart"]: w for w in nw["weeks"]}
    bad = []
    for w in routine["rangeWeeks"]:
        got = routine["weeks"][w]
        for f, v in got.items():
            if byweek[w][f] != v:
                bad.append("%s %s: import %r, northwind %r" % (w, f, v, byweek[w][f]))
    return bad


def main():
    out = build()
    text = json.dumps(out, indent=2, ensure_ascii=False) + "\n"
    target = os.path.join(HERE, "expected.json")
    mism = check_routine_against_northwind(out["sampleData"]["routine"])
    for m in mism:
        print("differs from northwind:", m, file=sys.stderr)
    if "--check" in sys.argv:
        same = open(target, encoding="utf-8").read() == text
        print("expected.json is", "up to date" if same else "STALE")
        sys.exit(0 if same and not mism else 1)
    with open(target, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("wrote", target)


if __name__ == "__main__":
    main()
