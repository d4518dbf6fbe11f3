#!/usr/bin/env python3
"""Generate the sample CRM / ad-platform exports in this folder.

Deterministic: a fixed seed and no clock, locale or hash-order dependence, so running it again
gives byte-identical files. Python 3.8+, standard library only.

    python3 sample-data/imports/generate.py

The weekly routine (`--contacts hubspot-contacts.csv --deals hubspot-deals.csv --spend
google-ads.csv --spend linkedin-ads.csv --spend meta-ads.csv`) is built to reproduce the four
weeks 2026-10-26 .. 2026-11-16 of sample-data/northwind.json exactly (leads, mqls, sqls,
opportunities, won, lost, newCustomers, cycleDays, marketingSpend). The other files are
independent and only need to look real. The numbers are NOT checked here: the oracle
(Tests/SmarketingModelTests/Fixtures/imports/oracle.py) reads the files back independently.
"""

import csv
import io
import json
import os
import random
from datetime import date, datetime, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261123
rng = random.Random(SEED)

WEEKS = [date(2026, 10, 26) + timedelta(days=7 * i) for i in range(4)]
RANGE_START = WEEKS[0]
RANGE_END = WEEKS[-1] + timedelta(days=6)          # Sunday 2026-11-22
EXPORT_DAY = date(2026, 11, 23)                     # exports were pulled Monday morning

# Targets: sample-data/northwind.json, weeks 2026-10-26 .. 2026-11-16.
T_LEADS = [110, 116, 124, 119]
T_MQLS = [32, 30, 36, 38]
T_SQLS = [8, 7, 9, 7]
T_OPPS = [5, 4, 5, 5]
T_WON_CYCLES = [[26, 30, 69], [44, 50, 72], [73, 74], [25, 42, 72]]
T_LOST = [8, 8, 7, 6]
T_CUSTOMERS = [4, 4, 3, 3]
T_SPEND = [5630, 6300, 6210, 5960]

FIRST = ["Zoë", "José", "Łukasz", "Chloé", "Søren", "Björn", "Ángela", "François", "Małgorzata",
         "Nikolai", "Aoife", "Siobhán", "Renée", "Jürgen", "Ines", "Priya", "Wei", "Hiroshi",
         "Yuki", "Fatima", "Omar", "Ana", "Lucas", "Emma", "Liam", "Olivia", "Noah", "Ava",
         "Mia", "Ethan", "Sofia", "Mateo", "Hannah", "Daniel", "Grace", "Samuel", "Chloe",
         "David", "Sarah", "James", "Laura", "Kevin", "Nina", "Tomás", "Zoltán", "Dorothée",
         "Ravi", "Anika", "Kwame", "Amara", "Jae-won", "Min-jun", "Thanh", "Elif", "Mehmet"]
LAST = ["Müller", "García", "Nowak", "Dubois", "Jørgensen", "Åkesson", "O'Brien", "Smith",
        "Johnson", "Brown", "Taylor", "Anderson", "Thomas", "Martin", "Lee", "Walker", "Hall",
        "Young", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill",
        "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Parker",
        "Collins", "Edwards", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan",
        "Kowalczyk", "Wiśniewski", "Schröder", "Fernández", "López", "Núñez", "Yılmaz",
        "Nguyễn", "Okafor", "Mensah", "Patel", "Sharma", "Chen", "Kim", "Tanaka"]
CJK_NAMES = [("健", "渡辺"), ("美咲", "佐藤"), ("翔太", "鈴木"), ("伟", "王"), ("秀英", "李")]
COMPANIES = ["Acme, Inc.", "Globex Corporation", "Initech", "Umbrella Analytics", "Hooli",
             "Stark Industries", "Wayne Enterprises", "Wonka Foods", "Soylent Corp",
             "Tyrell Corp", "Cyberdyne Systems", "Vandelay Industries", "Massive Dynamic",
             "Pied Piper", "Aperture Science", "Black Mesa", "Oscorp", "Nakatomi Trading",
             "Gringotts Bank", "Dunder Mifflin", "Prestige Worldwide", "Bluth Company",
             "Müller & Söhne GmbH", "Café Olé S.L.", "Łódź Logistics Sp. z o.o.",
             "Rocket 🚀 Labs", "Nordisk Øl A/S", "株式会社サンプル", "Smith, Jones & Partners LLP",
             "Zoë's \"Best\" Bakery", "Blue Sky Health", "Redwood Capital", "Summit Retail",
             "Harbor Freight Analytics", "Lakeside Insurance", "Granite Manufacturing",
             "Northstar Logistics", "Cobalt Software", "Evergreen Energy", "Atlas Health"]
SOURCES = ["Organic Search", "Paid Search", "Paid Social", "Direct Traffic", "Referrals",
           "Email Marketing", "Offline Sources", "Social Media", "Other Campaigns"]
OWNERS = ["Marcus Reed", "Luis Ortega", "Tom Becker", "Aisha Okafor", "Sam Lindqvist",
          "Priya Natarajan"]


def rand_dt(day, lo_h=7, hi_h=19):
    return datetime(day.year, day.month, day.day, rng.randint(lo_h, hi_h), rng.randint(0, 59))


def rand_day(start, end):
    return start + timedelta(days=rng.randint(0, (end - start).days))


def week_of(d):
    return d - timedelta(days=d.weekday())


def week_index(d):
    w = week_of(d)
    return WEEKS.index(w) if w in WEEKS else None


def hs(dt):
    """HubSpot export format: '2026-11-16 09:15'."""
    return "" if dt is None else dt.strftime("%Y-%m-%d %H:%M")


def us(d):
    """Unpadded US date as Salesforce and LinkedIn write it: '11/2/2026'."""
    return "%d/%d/%d" % (d.month, d.day, d.year)


def write_csv(name, header, rows, *, bom=False, crlf=False, quote_all=False, delimiter=",",
              footer=""):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n",
                   quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    text = buf.getvalue() + footer
    data = text.encode("utf-8")
    if bom:
        data = b"\xef\xbb\xbf" + data
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def write_text(name, text):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(text.encode("utf-8"))


def person():
    if rng.random() < 0.03:
        return rng.choice(CJK_NAMES)
    return rng.choice(FIRST), rng.choice(LAST)


def email_for(first, last, company):
    ascii_ = lambda s: "".join(c for c in s.lower() if c.isascii() and c.isalnum())
    dom = ascii_(company)[:14] or "example"
    f, l = ascii_(first) or "contact", ascii_(last) or str(rng.randint(10, 99))
    return "%s.%s@%s.example" % (f, l, dom)


def split_cents(total_cents, n, spread=0.35):
    weights = [1 + rng.uniform(-spread, spread) for _ in range(n)]
    s = sum(weights)
    parts = [int(total_cents * w / s) for w in weights]
    parts[-1] += total_cents - sum(parts)
    return parts


# --------------------------------------------------------------------------------------------
# HubSpot contacts
# --------------------------------------------------------------------------------------------

class Contact:
    __slots__ = ("first", "last", "email", "company", "source", "create", "lead", "mql", "sql",
                 "opp", "cust", "message")

    def __init__(self, create, lead):
        self.first, self.last = person()
        self.company = rng.choice(COMPANIES)
        self.email = email_for(self.first, self.last, self.company)
        self.source = rng.choice(SOURCES)
        self.create, self.lead = create, lead
        self.mql = self.sql = self.opp = self.cust = None
        self.message = ""

    def lead_dt(self):
        return self.lead or self.create


def make_contacts():
    contacts = []
    # Older contacts (lead date July .. 2026-10-25). Some progressed before the range.
    for _ in range(100):
        d = rand_day(date(2026, 7, 1), date(2026, 10, 20))
        c = Contact(rand_dt(d), None)
        c.lead = c.create
        if rng.random() < 0.6:
            m = c.lead + timedelta(days=rng.randint(0, 14), hours=rng.randint(0, 5))
            if m.date() < RANGE_START:
                c.mql = m
                if rng.random() < 0.55:
                    s = m + timedelta(days=rng.randint(1, 12), hours=rng.randint(0, 5))
                    if s.date() < RANGE_START:
                        c.sql = s
        contacts.append(c)
    # In-range leads: exactly T_LEADS per week by lead date.
    for wi, wk in enumerate(WEEKS):
        for _ in range(T_LEADS[wi]):
            dt = rand_dt(rand_day(wk, wk + timedelta(days=6)))
            r = rng.random()
            if r < 0.08:          # "Became a Lead Date" blank -> lead date falls back to Create Date
                c = Contact(dt, None)
            elif r < 0.13:        # subscriber created earlier, became a lead this week
                c = Contact(dt - timedelta(days=rng.randint(3, 60), hours=rng.randint(0, 6)), dt)
            else:
                c = Contact(dt, dt)
            contacts.append(c)
    # Week boundaries, on purpose: Sunday 23:59 belongs to that week, Monday 00:00 to the next.
    contacts[-1].create = contacts[-1].lead = datetime(2026, 11, 22, 23, 59)
    contacts[101].create = contacts[101].lead = datetime(2026, 10, 26, 0, 0)
    # Contacts created the morning of the export (current week, 2026-11-23).
    for h, m in [(7, 2), (8, 41), (9, 5)]:
        dt = datetime(2026, 11, 23, h, m)
        contacts.append(Contact(dt, dt))

    def pick(cands):
        return cands[rng.randrange(len(cands))] if cands else None

    # MQLs, SQLs, customers with exact weekly counts.
    for wi, wk in enumerate(WEEKS):
        for _ in range(T_MQLS[wi]):
            for _try in range(1000):
                at = rand_dt(rand_day(wk, wk + timedelta(days=6)), 8, 20)
                c = pick([c for c in contacts if c.mql is None
                          and c.lead_dt() <= at - timedelta(hours=2)
                          and c.lead_dt() >= at - timedelta(days=21)])
                if c:
                    c.mql = at
                    break
            else:
                raise SystemExit("no MQL candidate")
        for _ in range(T_SQLS[wi]):
            for _try in range(1000):
                at = rand_dt(rand_day(wk, wk + timedelta(days=6)), 8, 20)
                c = pick([c for c in contacts if c.mql is not None and c.sql is None
                          and c.mql <= at - timedelta(days=1)
                          and c.mql >= at - timedelta(days=30)])
                if c:
                    c.sql = at
                    break
            else:
                raise SystemExit("no SQL candidate")
    # Contact-level opportunity dates (not used when a deals file is given, but exported).
    for c in contacts:
        if c.sql is not None and rng.random() < 0.6:
            o = c.sql + timedelta(days=rng.randint(1, 10), hours=rng.randint(0, 4))
            if o.date() < EXPORT_DAY:
                c.opp = o
    for wi, wk in enumerate(WEEKS):
        for _ in range(T_CUSTOMERS[wi]):
            for _try in range(1000):
                at = rand_dt(rand_day(wk, wk + timedelta(days=6)), 9, 18)
                c = pick([c for c in contacts if c.sql is not None and c.cust is None
                          and c.sql <= at - timedelta(days=14)])
                if c:
                    c.cust = at
                    if c.opp is None or c.opp >= at:
                        c.opp = at - timedelta(days=rng.randint(1, 10))
                    break
            else:
                raise SystemExit("no customer candidate")
    # A few human touches: form messages with commas, quotes and line breaks.
    for c, msg in zip(rng.sample(contacts, 6), [
            "Interested in the BI connector, pricing for 50 seats",
            "Saw the \"Revenue Ops\" webinar — please send the slides",
            "Call me after 3pm.\nThanks!",
            "We use Salesforce + HubSpot; need both, ideally",
            "Budget approved for Q1\r\nDecision by Dec 15",
            "¿Tienen soporte en español?"]):
        c.message = msg
    return contacts


def lifecycle(c):
    if c.cust: return "Customer"
    if c.opp: return "Opportunity"
    if c.sql: return "Sales Qualified Lead"
    if c.mql: return "Marketing Qualified Lead"
    if c.lead: return "Lead"
    return "Subscriber" if rng.random() < 0.5 else "Lead"


def write_hubspot_contacts(contacts):
    order = sorted(range(len(contacts)), key=lambda i: (contacts[i].create, i))
    ids = {}
    next_id = 51200301
    for i in order:
        ids[i] = next_id
        next_id += rng.randint(1, 40)
    header = ["Record ID", "First Name", "Last Name", "Email", "Phone Number", "Company Name",
              "Create Date", "Lifecycle Stage", "Became a Lead Date",
              "Became a Marketing Qualified Lead Date", "Became a Sales Qualified Lead Date",
              "Became an Opportunity Date", "Became a Customer Date", "Original Source",
              "Contact owner", "Message"]
    rows = []
    for i in reversed(order):                      # newest first, as in the HubSpot list view
        c = contacts[i]
        phone = "" if rng.random() < 0.4 else "+1 (%03d) %03d-%04d" % (
            rng.randint(201, 989), rng.randint(200, 999), rng.randint(0, 9999))
        owner = rng.choice(OWNERS) if (c.mql or rng.random() < 0.3) else ""
        rows.append([ids[i], c.first, c.last, c.email, phone, c.company, hs(c.create),
                     lifecycle(c), hs(c.lead), hs(c.mql), hs(c.sql), hs(c.opp), hs(c.cust),
                     c.source, owner, c.message])
    write_csv("hubspot-contacts.csv", header, rows)
    return len(rows)


# --------------------------------------------------------------------------------------------
# HubSpot deals
# --------------------------------------------------------------------------------------------

OPEN_STAGES = ["Appointment Scheduled", "Qualified To Buy", "Presentation Scheduled",
               "Decision Maker Bought-In", "Contract Sent"]
DEAL_SUFFIX = ["New logo", "Platform", "Pilot", "50 seats", "Expansion", "Q4 deal",
               "Analytics add-on", "Enterprise"]


def deal_name(company):
    name = "%s – %s" % (company, rng.choice(DEAL_SUFFIX))
    return name


def make_deals():
    """Each deal: dict(stage, create, close, amount, name)."""
    for _attempt in range(500):
        deals = []
        # Won deals: exact cycles; file is sorted by Create Date descending, so within a week the
        # smallest cycle must be created last (so northwind's ascending lists read in file order).
        for wi, wk in enumerate(WEEKS):
            cycles = T_WON_CYCLES[wi]
            while True:
                closes = [rand_dt(rand_day(wk, wk + timedelta(days=6)), 9, 18) for _ in cycles]
                creates = [cl - timedelta(days=cy) for cl, cy in zip(closes, cycles)]
                creates = [cr.replace(hour=rng.randint(8, 17), minute=rng.randint(0, 59))
                           for cr in creates]
                if all(creates[i].date() > creates[i + 1].date() for i in range(len(cycles) - 1)):
                    break
            for cr, cl in zip(creates, closes):
                deals.append(dict(stage="Closed Won", create=cr, close=cl))
        # Lost deals closing in range.
        for wi, wk in enumerate(WEEKS):
            for _ in range(T_LOST[wi]):
                cl = rand_dt(rand_day(wk, wk + timedelta(days=6)), 9, 19)
                cr = rand_dt((cl - timedelta(days=rng.randint(2, 75))).date(), 8, 17)
                if cr > cl:
                    cr = cl - timedelta(hours=3)
                deals.append(dict(stage="Closed Lost", create=cr, close=cl))
        # Older deals closed before the range (they make partial weeks before 2026-10-26).
        for _ in range(8):
            cl = rand_dt(rand_day(date(2026, 9, 1), date(2026, 10, 23)), 9, 18)
            cr = rand_dt((cl - timedelta(days=rng.randint(10, 80))).date(), 8, 17)
            deals.append(dict(stage=rng.choice(["Closed Won", "Closed Lost", "Closed Lost"]),
                              create=cr, close=cl))
        # How many deals are already created in each range week?
        have = [0, 0, 0, 0]
        for d in deals:
            wi = week_index(d["create"].date())
            if wi is not None:
                have[wi] += 1
        if any(h > t for h, t in zip(have, T_OPPS)):
            continue
        # Open deals created in range to reach T_OPPS.
        for wi, wk in enumerate(WEEKS):
            for _ in range(T_OPPS[wi] - have[wi]):
                cr = rand_dt(rand_day(wk, wk + timedelta(days=6)), 8, 18)
                cl = rand_dt(cr.date() + timedelta(days=rng.randint(20, 75)), 12, 12)
                deals.append(dict(stage=rng.choice(OPEN_STAGES[:3]), create=cr, close=cl))
        # Older open deals; HubSpot keeps an expected Close Date on them, sometimes in the past
        # or inside the range (slipped deals) -- they must not count as won or lost.
        for _ in range(30):
            cr = rand_dt(rand_day(date(2026, 7, 6), date(2026, 10, 24)), 8, 18)
            cl = None if rng.random() < 0.15 else rand_dt(
                rand_day(date(2026, 10, 15), date(2027, 1, 29)), 12, 12)
            deals.append(dict(stage=rng.choice(OPEN_STAGES), create=cr, close=cl))
        return deals
    raise SystemExit("could not place deals")


def write_hubspot_deals(deals):
    for d in deals:
        d["company"] = rng.choice(COMPANIES)
        d["name"] = deal_name(d["company"])
        d["amount"] = "" if rng.random() < 0.07 else str(rng.choice(
            [4800, 6000, 7200, 9600, 12000, 14400, 18000, 24000, 30000, 48000]))
        if d["amount"] and rng.random() < 0.1:
            d["amount"] += ".5"
    deals.sort(key=lambda d: d["create"], reverse=True)
    # Recognisable mess: quotes inside a deal name, a name with a line break.
    deals[3]["name"] = "Globex \"Enterprise\" upgrade, 2027"
    deals[7]["name"] = "Initech – renewal\n(multi-year)"
    header = ["Record ID", "Deal Name", "Deal Stage", "Pipeline", "Create Date", "Close Date",
              "Amount", "Deal owner", "Associated Company", "Deal Type", "Last Activity Date"]
    rows = []
    rid = 18700000001
    for d in reversed(deals):
        d["id"] = rid
        rid += rng.randint(3, 900)
    for d in deals:
        last = d["close"] if d["close"] and d["stage"].startswith("Closed") else (
            d["create"] + timedelta(days=rng.randint(0, 20)))
        if last.date() >= EXPORT_DAY:
            last = datetime(2026, 11, 20, 16, 4)
        rows.append([d["id"], d["name"], d["stage"], "Sales Pipeline", hs(d["create"]),
                     hs(d["close"]), d["amount"], rng.choice(OWNERS), d["company"],
                     rng.choice(["newbusiness", "newbusiness", "existingbusiness", ""]),
                     hs(last)])
    write_csv("hubspot-deals.csv", header, rows)
    return len(rows)


# --------------------------------------------------------------------------------------------
# Ad spend (the routine's three channels add up to northwind's marketingSpend)
# --------------------------------------------------------------------------------------------

GOOGLE_CAMPAIGNS = ["Brand – Search", "Generic – BI dashboards", "Competitor – Tableau, Looker",
                    "Performance Max – Demo"]


def money_us(cents, thousands=True):
    s = "{:,.2f}".format(cents / 100) if thousands else "%.2f" % (cents / 100)
    return s


def write_spend():
    g_rows, l_rows, m_rows = [], [], []
    for wi, wk in enumerate(WEEKS):
        total = T_SPEND[wi] * 100
        g = int(total * rng.uniform(0.50, 0.56))
        li = int(total * rng.uniform(0.27, 0.31))
        me = total - g - li
        # Google: 4 campaigns x 7 days.
        if wi == 1:   # webinar launch: one big day on "Generic", the only cost above 1,000
            big = 104321
            gparts = split_cents(g - big, 27, 0.5)
            gparts.insert(5, big)
        else:
            gparts = split_cents(g, 28, 0.5)
        k = 0
        for dd in range(7):
            day = wk + timedelta(days=dd)
            for camp in GOOGLE_CAMPAIGNS:
                cost = gparts[k]
                k += 1
                clicks = max(1, int(cost / 100 / rng.uniform(2.5, 7.5)))
                impr = clicks * rng.randint(12, 45)
                conv = "%.2f" % (clicks * rng.uniform(0, 0.06))
                g_rows.append([day.isoformat(), camp, clicks, "{:,}".format(impr),
                               money_us(cost), conv])
        # LinkedIn: one campaign per day.
        for dd, cost in enumerate(split_cents(li, 7, 0.2)):
            day = wk + timedelta(days=dd)
            impr = rng.randint(3000, 9000)
            l_rows.append([us(day), "Northwind Analytics", "Q4 Demand Gen",
                           "Lead Gen Form – Ops leaders", 318000000 + 4271, "%.2f" % (cost / 100),
                           "USD", impr, int(impr * rng.uniform(0.004, 0.009))])
        # Meta: one campaign per day.
        for dd, cost in enumerate(split_cents(me, 7, 0.3)):
            day = wk + timedelta(days=dd)
            reach = rng.randint(4000, 15000)
            m_rows.append([day.isoformat(), day.isoformat(), "Retargeting – Demo page visitors",
                           "active", reach, int(reach * rng.uniform(1.1, 1.6)),
                           "%.2f" % (cost / 100), rng.randint(0, 4), "Leads"])
    write_csv("google-ads.csv", ["Day", "Campaign", "Clicks", "Impr.", "Cost", "Conv."], g_rows,
              crlf=True)
    write_csv("linkedin-ads.csv", ["Start Date (in UTC)", "Account Name", "Campaign Group Name",
                                   "Campaign Name", "Campaign ID", "Total Spent", "Currency",
                                   "Impressions", "Clicks"], l_rows, bom=True)
    write_csv("meta-ads.csv", ["Reporting starts", "Reporting ends", "Campaign name",
                               "Campaign delivery", "Reach", "Impressions", "Amount spent (USD)",
                               "Results", "Result indicator"], m_rows)
    return len(g_rows), len(l_rows), len(m_rows)


# --------------------------------------------------------------------------------------------
# Other systems (not part of the routine; they only need to look real)
# --------------------------------------------------------------------------------------------

SF_OPEN = ["Prospecting", "Qualification", "Needs Analysis", "Value Proposition",
           "Id. Decision Makers", "Perception Analysis", "Proposal/Price Quote",
           "Negotiation/Review"]


def sf_amount(v):
    return rng.choice(["$" + "{:,.2f}".format(v), "USD " + "{:,.2f}".format(v)]) \
        if rng.random() < 0.5 else "$" + "{:,.2f}".format(v)


def write_salesforce():
    rows = []
    for _ in range(64):
        cr = rand_day(date(2026, 8, 3), date(2026, 11, 22))
        r = rng.random()
        if r < 0.2:
            stage, won, closed = "Closed Won", "TRUE", "TRUE"
            cl = cr + timedelta(days=rng.randint(0, 80))
        elif r < 0.5:
            stage, won, closed = "Closed Lost", "FALSE", "TRUE"
            cl = cr + timedelta(days=rng.randint(1, 60))
        else:
            stage, won, closed = rng.choice(SF_OPEN), "FALSE", "FALSE"
            cl = cr + timedelta(days=rng.randint(20, 90))
        if closed == "TRUE" and cl > RANGE_END:      # not closed yet at export time
            stage, won, closed = rng.choice(SF_OPEN), "FALSE", "FALSE"
        comp = rng.choice(COMPANIES)
        amount = rng.choice([4800, 7200, 9600, 12000, 18000, 24000, 36000])
        rows.append([comp + " – " + rng.choice(DEAL_SUFFIX), comp, stage, us(cr), us(cl),
                     sf_amount(amount), won, closed, rng.choice(OWNERS), "Q%d-2026" % (
                         (cl.month - 1) // 3 + 1) if cl.year == 2026 else "Q1-2027"])
    rows.sort(key=lambda r: (r[1], r[0]))
    footer = ('\n"Total"\n\n"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."\n'
              '"Confidential Information - Do Not Distribute"\n'
              '"Generated By:  Dana Whitfield  11/23/2026 9:12 AM"\n"Northwind Analytics"\n')
    write_csv("salesforce-opportunities.csv",
              ["Opportunity Name", "Account Name", "Stage", "Created Date", "Close Date",
               "Amount", "Won", "Closed", "Opportunity Owner", "Fiscal Period"],
              rows, quote_all=True, footer=footer)
    leads = []
    for _ in range(220):
        d = rand_day(date(2026, 10, 26), RANGE_END)
        first, last = person()
        comp = rng.choice(COMPANIES)
        status = rng.choice(["Open - Not Contacted", "Working - Contacted", "Working - Contacted",
                             "Closed - Not Converted", "Closed - Converted"])
        conv = ""
        if status == "Closed - Converted":
            cd = d + timedelta(days=rng.randint(1, 20))
            conv = us(cd) if cd < EXPORT_DAY else ""
            if not conv:
                status = "Working - Contacted"
        created = us(d)
        if rng.random() < 0.3:   # some rows carry a 12-hour time
            t = datetime(d.year, d.month, d.day, rng.randint(0, 23), rng.randint(0, 59))
            created = "%s %d:%02d %s" % (us(d), (t.hour % 12) or 12, t.minute,
                                          "AM" if t.hour < 12 else "PM")
        leads.append([first, last, rng.choice(["VP Sales", "RevOps Manager", "CFO", "Analyst",
                                               "Head of Data", ""]), comp,
                      email_for(first, last, comp), rng.choice(["Web", "Webinar", "Partner",
                                                                "Trade Show", "Advertisement"]),
                      created, conv, status])
    write_csv("salesforce-leads.csv", ["First Name", "Last Name", "Title", "Company", "Email",
                                       "Lead Source", "Create Date", "Converted Date",
                                       "Lead Status"], leads, quote_all=True)
    return len(rows), len(leads)


def write_pipedrive():
    rows = []
    for i in range(72):
        cr = datetime.combine(rand_day(date(2026, 8, 17), RANGE_END), datetime.min.time()) + \
            timedelta(seconds=rng.randint(7 * 3600, 19 * 3600))
        status = rng.choice(["open", "open", "won", "lost", "lost"])
        won = lost = ""
        fmt = "%Y-%m-%d %H:%M:%S"
        if status != "open":
            t = cr + timedelta(days=rng.randint(0, 70), seconds=rng.randint(0, 30000))
            if t.date() > RANGE_END:                     # still open at export time
                status = "open"
            elif status == "won":
                won = t.strftime(fmt)
            else:
                lost = t.strftime(fmt)
        comp = rng.choice(COMPANIES)
        value = rng.choice([3500, 5000, 8000, 12000, 15000, 22000])
        rows.append([1000 + i * 3, comp + " – " + rng.choice(DEAL_SUFFIX), comp,
                     rng.choice(OWNERS), value, rng.choice(["USD", "USD", "EUR"]),
                     rng.choice(["Qualified", "Contact Made", "Demo Scheduled",
                                 "Proposal Made", "Negotiations Started"]),
                     status, cr.strftime(fmt), won, lost,
                     (cr.date() + timedelta(days=45)).isoformat(),
                     "" if status != "lost" else rng.choice(["Price", "No budget",
                                                              "Went with competitor", ""])])
    write_csv("pipedrive-deals.csv", ["Deal - ID", "Deal - Title", "Deal - Organization",
                                      "Deal - Owner", "Deal - Value", "Deal - Currency",
                                      "Deal - Stage", "Deal - Status", "Deal - Deal created",
                                      "Deal - Won time", "Deal - Lost time",
                                      "Deal - Expected close date", "Deal - Lost reason"], rows)
    return len(rows)


def write_plain_and_european():
    plain = []
    for dd in range(28):
        day = RANGE_START + timedelta(days=dd)
        plain.append([day.isoformat(), "%.2f" % rng.uniform(20, 160)])
    write_csv("plain-spend.csv", ["Date", "Cost"], plain)
    eu = []
    events = [("Messe Berlin – Stand", 480000), ("Newsletter Sponsoring", 65000),
              ("Podcast „Daten & Dax“", 120000), ("Google Ads DACH", 0), ("LinkedIn DACH", 0),
              ("Druck; Flyer", 23450)]
    for dd in range(0, 28, 2):
        day = RANGE_START + timedelta(days=dd)
        name, fixed = events[rng.randrange(len(events))]
        cents = fixed or rng.randint(9000, 140000)

        def de(c):
            s = "{:,.2f}".format(c / 100)
            return s.replace(",", "X").replace(".", ",").replace("X", ".")
        cell = rng.choice(["€ " + de(cents), de(cents) + " €"])
        eu.append([day.strftime("%d.%m.%Y"), name, cell, rng.choice(["", "Rechnung folgt",
                                                                      "bezahlt, Karte"])])
    write_csv("european-spend.csv", ["Date", "Channel", "Cost", "Note"], eu, bom=True,
              crlf=True, delimiter=";")
    return len(plain), len(eu)


def write_custom():
    fmt = lambda d: "" if d is None else d.strftime("%d/%m/%Y")
    rows = []
    for i in range(160):
        su = rand_day(date(2026, 10, 19), RANGE_END)
        added = su - timedelta(days=rng.choice([0, 0, 0, 2, 9]))
        mql = sql = cust = None
        if rng.random() < 0.3:
            mql = su + timedelta(days=rng.randint(0, 6))
            if rng.random() < 0.25:
                sql = mql + timedelta(days=rng.randint(1, 8))
                if rng.random() < 0.15:
                    cust = sql + timedelta(days=rng.randint(3, 12))
        mql, sql, cust = [x if x is not None and x <= RANGE_END else None
                          for x in (mql, sql, cust)]
        first, last = person()
        comp = rng.choice(COMPANIES)
        signup = "" if rng.random() < 0.06 else fmt(su)
        rows.append(["C-%05d" % (4200 + i), "%s %s" % (first, last), email_for(first, last, comp),
                     comp, fmt(added), signup, fmt(mql), fmt(sql), fmt(cust),
                     rng.choice(OWNERS + [""])])
    write_csv("custom-crm-contacts.csv", ["Cust #", "Full name", "E-mail", "Org", "Row added",
                                          "Signup", "MQL on", "SQL on", "Customer since",
                                          "Owner"], rows)
    deals = []
    for i in range(34):
        op = rand_day(date(2026, 9, 7), RANGE_END)
        outcome = rng.choice(["Won", "Lost", "Dead", "In progress", "In progress", "On hold"])
        cl = None
        if outcome in ("Won", "Lost", "Dead"):
            cl = op + timedelta(days=rng.randint(0, 60))
            if cl > RANGE_END:                              # still open at export time
                outcome, cl = "In progress", None
        comp = rng.choice(COMPANIES)
        deals.append(["D-%04d" % (700 + i), comp, fmt(op), fmt(cl), outcome,
                      rng.choice([5000, 9000, 14000, 20000])])
    write_csv("custom-crm-deals.csv", ["Deal ref", "Client", "Opened", "Closed on", "Outcome",
                                       "Value (USD)"], deals)
    return len(rows), len(deals)


MAP = {
    "dateFormat": "dd/MM/yyyy",
    "contacts": {
        "leadDate": "Signup",
        "createDate": "Row added",
        "mqlDate": "MQL on",
        "sqlDate": "SQL on",
        "customerDate": "Customer since",
    },
    "deals": {
        "created": "Opened",
        "closed": "Closed on",
        "stage": "Outcome",
        "won": ["Won"],
        "lost": ["Lost", "Dead"],
    },
}

MAP_TOML = """# Column mapping for custom-crm-contacts.csv / custom-crm-deals.csv (same as custom-map.json)
dateFormat = "dd/MM/yyyy"

[contacts]
leadDate = "Signup"
createDate = "Row added"
mqlDate = "MQL on"
sqlDate = "SQL on"
customerDate = "Customer since"

[deals]
created = "Opened"
closed = "Closed on"
stage = "Outcome"
won = ["Won"]
lost = ["Lost", "Dead"]
"""


def main():
    contacts = make_contacts()
    n_contacts = write_hubspot_contacts(contacts)
    n_deals = write_hubspot_deals(make_deals())
    n_g, n_l, n_m = write_spend()
    n_sfo, n_sfl = write_salesforce()
    n_pd = write_pipedrive()
    n_plain, n_eu = write_plain_and_european()
    n_cc, n_cd = write_custom()
    write_text("custom-map.json", json.dumps(MAP, indent=2, ensure_ascii=False) + "\n")
    write_text("custom-map.toml", MAP_TOML)
    print("hubspot-contacts %d, hubspot-deals %d, google %d, linkedin %d, meta %d, "
          "sf-opps %d, sf-leads %d, pipedrive %d, plain %d, european %d, custom %d+%d"
          % (n_contacts, n_deals, n_g, n_l, n_m, n_sfo, n_sfl, n_pd, n_plain, n_eu, n_cc, n_cd))


if __name__ == "__main__":
    main()
