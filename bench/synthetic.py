"""A synthetic Stockholm with the real ontology, for benchmarks at city scale (issue #6).

The real goal areas and strategies (IRIs, notations and labels copied from ``data/fardplan.ttl``), 14 district
committees with their administrations, specialist administrations, municipal companies, a Zipf-skewed pool of
partners (a few hubs such as the police take part in very many projects), reply documents with a synthetic raw
text, and projects. Every relation carries an ``fp:Assertion`` (stated, or interpreted with a reason in Swedish
and English) derived from an ``fp:Passage`` whose ``fp:exactText`` is exactly ``raw[start:end]`` of its document.
Everything generated lives under ``https://w3id.org/fardplan/id/syn/``. Same seed, same output.

One concept, kept in one module on purpose although it is longer than the others: the generator
(:func:`build`) and the tables of Stockholm names it draws from (districts, administrations, partners,
project themes — about a quarter of the file) are read together, and no other module uses the tables.

>>> quads = generate(5_000, seed=1)
>>> 4_000 < len(quads) < 6_000 and quads == generate(5_000, seed=1)
True
"""

from __future__ import annotations

import hashlib
import random
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

import pyoxigraph as ox

from graph.vocab.namespaces import FP_IRI, ID_IRI, PREFIXES

__all__ = ["City", "build", "generate", "write", "write_sources", "SYN_IRI", "HUB_IRI"]

SYN_IRI = ID_IRI + "syn/"
HUB_IRI = SYN_IRI + "org/polisen"
DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "fardplan.ttl"

RDF = PREFIXES["rdf"]
SKOS = PREFIXES["skos"]
ORG = PREFIXES["org"]
PROV = PREFIXES["prov"]
DCT = PREFIXES["dcterms"]
XSD = PREFIXES["xsd"]

# Strategies no synthetic project contributes to, so the gap analysis has something to find.
GAP_STRATEGIES = ("AF.IV", "BS.III")
ZIPF_S = 1.05

# (slug, name, [neighbourhoods]) — Stockholm's 14 district committees as of 2018.
DISTRICTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("rinkeby-kista", "Rinkeby-Kista", ("Rinkeby", "Kista", "Husby", "Akalla")),
    ("spanga-tensta", "Spånga-Tensta", ("Spånga", "Tensta", "Hjulsta", "Solhem")),
    ("hasselby-vallingby", "Hässelby-Vällingby", ("Hässelby", "Vällingby", "Råcksta", "Vinsta")),
    ("bromma", "Bromma", ("Abrahamsberg", "Alvik", "Blackeberg", "Ulvsunda")),
    ("kungsholmen", "Kungsholmen", ("Fredhäll", "Kristineberg", "Stadshagen", "Marieberg")),
    ("norrmalm", "Norrmalm", ("Vasastan", "Hagastaden", "Sibirien", "Rödabergen")),
    ("ostermalm", "Östermalm", ("Gärdet", "Hjorthagen", "Lärkstaden", "Ropsten")),
    ("sodermalm", "Södermalm", ("Hornstull", "Skanstull", "Katarina", "Sofia")),
    ("enskede-arsta-vantor", "Enskede-Årsta-Vantör", ("Rågsved", "Hagsätra", "Högdalen", "Årsta")),
    ("skarpnack", "Skarpnäck", ("Bagarmossen", "Kärrtorp", "Björkhagen", "Hammarbyhöjden")),
    ("farsta", "Farsta", ("Farsta strand", "Hökarängen", "Fagersjö", "Sköndal")),
    ("alvsjo", "Älvsjö", ("Solberga", "Långbro", "Herrängen", "Liseberg")),
    ("hagersten-liljeholmen", "Hägersten-Liljeholmen", ("Fruängen", "Västertorp", "Midsommarkransen",
                                                        "Liljeholmen")),
    ("skarholmen", "Skärholmen", ("Bredäng", "Sätra", "Vårberg", "Skärholmen")),
)

SPECIALISTS: tuple[tuple[str, str, str], ...] = (
    ("socialforvaltningen", "Socialförvaltningen", "Social Services Administration"),
    ("utbildningsforvaltningen", "Utbildningsförvaltningen", "Education Administration"),
    ("arbetsmarknadsforvaltningen", "Arbetsmarknadsförvaltningen", "Labour Market Administration"),
    ("kulturforvaltningen", "Kulturförvaltningen", "Culture Administration"),
    ("idrottsforvaltningen", "Idrottsförvaltningen", "Sports Administration"),
    ("stadsbyggnadskontoret", "Stadsbyggnadskontoret", "City Planning Administration"),
    ("exploateringskontoret", "Exploateringskontoret", "Development Administration"),
    ("trafikkontoret", "Trafikkontoret", "Transport Administration"),
    ("miljoforvaltningen", "Miljöförvaltningen", "Environment and Health Administration"),
    ("fastighetskontoret", "Fastighetskontoret", "Real Estate Administration"),
    ("aldreforvaltningen", "Äldreförvaltningen", "Elderly Care Administration"),
    ("stadsledningskontoret", "Stadsledningskontoret", "City Executive Office"),
    ("serviceforvaltningen", "Serviceförvaltningen", "Service Administration"),
    ("overformyndarforvaltningen", "Överförmyndarförvaltningen", "Chief Guardian Administration"),
    ("stadsarkivet", "Stadsarkivet", "City Archives"),
)

COMPANIES: tuple[tuple[str, str, str], ...] = (
    ("stockholmshem", "AB Stockholmshem", "Stockholmshem (housing company)"),
    ("familjebostader", "AB Familjebostäder", "Familjebostäder (housing company)"),
    ("svenska-bostader", "AB Svenska Bostäder", "Svenska Bostäder (housing company)"),
    ("micasa", "Micasa Fastigheter i Stockholm AB", "Micasa Properties"),
    ("sisab", "Skolfastigheter i Stockholm AB", "Stockholm School Properties"),
    ("stockholm-vatten", "Stockholm Vatten och Avfall AB", "Stockholm Water and Waste"),
    ("stockholms-hamn", "Stockholms Hamn AB", "Ports of Stockholm"),
    ("stokab", "Stokab AB", "Stokab (fibre network)"),
    ("business-region", "Stockholm Business Region AB", "Stockholm Business Region"),
    ("stadshus", "Stockholms Stadshus AB", "Stockholm City Hall Holding"),
    ("parkering", "Stockholm Parkering AB", "Stockholm Parking"),
    ("bostadsformedlingen", "AB Stockholms Stads Bostadsförmedling", "Stockholm Housing Agency"),
    ("st-erik-markutveckling", "S:t Erik Markutveckling AB", "S:t Erik Land Development"),
    ("st-erik-kommunikation", "S:t Erik Kommunikation AB", "S:t Erik Communication"),
    ("globe-arena", "Stockholm Globe Arena Fastigheter AB", "Stockholm Globe Arena Properties"),
    ("stadsteatern", "AB Stockholms Stadsteater", "Stockholm City Theatre"),
    ("forvaltaren", "Fastighets AB Förvaltaren", "Förvaltaren (property company)"),
    ("visit-stockholm", "Visit Stockholm AB", "Visit Stockholm"),
    ("stockholm-stads-parkering", "Stockholms Stads Parkerings AB", "Stockholm City Parking"),
    ("stockholm-exergi", "Stockholm Exergi AB", "Stockholm Exergi (district heating)"),
)

# Hub partners, most connected first: (slug, sv, en, class).
HUBS: tuple[tuple[str, str, str, str], ...] = (
    ("polisen", "Polisen", "The Police", "Authority"),
    ("arbetsformedlingen", "Arbetsförmedlingen", "The Swedish Public Employment Service", "Authority"),
    ("region-stockholm", "Region Stockholm", "Region Stockholm", "Authority"),
    ("stadsmissionen", "Stockholms Stadsmission", "Stockholm City Mission", "CivilSocietyGroup"),
    ("forsakringskassan", "Försäkringskassan", "The Swedish Social Insurance Agency", "Authority"),
    ("fryshuset", "Fryshuset", "Fryshuset (youth centre foundation)", "CivilSocietyGroup"),
    ("grundskolorna", "Grundskolorna", "Compulsory schools", "ActorGroup"),
    ("lansstyrelsen", "Länsstyrelsen i Stockholms län", "Stockholm County Administrative Board", "Authority"),
    ("hyresgastforeningen", "Hyresgästföreningen Region Stockholm", "Swedish Union of Tenants, Stockholm",
     "CivilSocietyGroup"),
    ("kriminalvarden", "Kriminalvården", "The Swedish Prison and Probation Service", "Authority"),
    ("svenska-kyrkan", "Svenska kyrkan i Stockholm", "Church of Sweden in Stockholm", "CivilSocietyGroup"),
    ("brandforsvaret", "Storstockholms brandförsvar", "Greater Stockholm Fire Brigade", "Authority"),
    ("rf-sisu", "RF-SISU Stockholm", "RF-SISU Stockholm (sports federation)", "CivilSocietyGroup"),
    ("fastighetsagarna", "Fastighetsägarna i området", "Local property owners", "ActorGroup"),
    ("naringsidkare", "Lokala näringsidkare", "Local businesses", "ActorGroup"),
)

# Local partner templates: (class, sv, en, numbered).
PARTNER_TEMPLATES: tuple[tuple[str, str, str, bool], ...] = (
    ("CivilSocietyGroup", "Idrottsföreningen {place} {n}", "{place} {n} Sports Club", True),
    ("CivilSocietyGroup", "Fotbollsklubben {place} {n}", "{place} {n} Football Club", True),
    ("CivilSocietyGroup", "Hyresgästföreningen i {place}", "{place} Tenants' Association", False),
    ("CivilSocietyGroup", "Föräldraföreningen i {place}", "{place} Parents' Association", False),
    ("CivilSocietyGroup", "Kulturföreningen {place}", "{place} Cultural Association", False),
    ("CivilSocietyGroup", "Kvinnoföreningen i {place}", "{place} Women's Association", False),
    ("CivilSocietyGroup", "Seniorföreningen i {place}", "{place} Seniors' Association", False),
    ("CivilSocietyGroup", "Läxhjälpsföreningen i {place}", "{place} Homework Help Association", False),
    ("CivilSocietyGroup", "Scoutkåren {place}", "{place} Scout Group", False),
    ("CivilSocietyGroup", "Företagarföreningen i {place}", "{place} Business Association", False),
    ("ActorGroup", "Förskolorna i {place}", "Preschools in {place}", False),
    ("ActorGroup", "Fritidsgården i {place}", "{place} Youth Centre", False),
    ("ActorGroup", "Bostadsrättsföreningarna i {place}", "Housing cooperatives in {place}", False),
    ("ActorGroup", "Grannsamverkan i {place}", "{place} Neighbourhood Watch", False),
)

# Project topics per goal area: (sv, en).
TOPICS: dict[str, tuple[tuple[str, str], ...]] = {
    "UU": (("Läxhjälp", "Homework help"), ("Språkförskola", "Language preschool"),
           ("Skolsociala stödteam", "School–social services support teams"), ("Familjecentral", "Family centre"),
           ("Sommarlovsaktiviteter", "Summer holiday activities"), ("Föräldrastöd", "Parenting support"),
           ("Lovskola", "Holiday school")),
    "AF": (("Stockholmsjobb", "Stockholm jobs"), ("Feriejobb för unga", "Summer jobs for young people"),
           ("Jobbtorg", "Job centre"), ("Språkcafé", "Language café"), ("Företagslots", "Business pilot"),
           ("Yrkesvägledning", "Career guidance")),
    "BS": (("Trygga stråk", "Safe walkways"), ("Upprustning av parker", "Park renovation"),
           ("Boendedialog", "Residents' dialogue"), ("Belysta gångtunnlar", "Lit pedestrian underpasses"),
           ("Mötesplats", "Meeting place"), ("Stadsodling", "Urban gardening")),
    "DT": (("Medborgardialog", "Citizen dialogue"), ("Sociala insatsgruppen", "Social intervention group"),
           ("Trygghetsvandringar", "Safety walks"), ("Lokalt brottsförebyggande råd", "Local crime prevention council"),
           ("Föreningsstöd", "Support for associations"), ("Unga röster", "Young voices")),
}


def slug(text: str) -> str:
    """An IRI-safe ASCII slug: ``"Idrottsföreningen Kista 17"`` → ``"idrottsforeningen-kista-17"``."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


@lru_cache(maxsize=1)
def _scheme_quads() -> tuple[ox.Quad, ...]:
    """The concept scheme, goal areas and strategies of ``data/fardplan.ttl`` (without their passages)."""
    store = ox.Store()
    store.load(path=str(DATA_FILE), format=ox.RdfFormat.TURTLE)
    query = f"""PREFIX skos: <{SKOS}> PREFIX fp: <{FP_IRI}> PREFIX prov: <{PROV}>
    SELECT ?s ?p ?o WHERE {{
      {{ ?s a skos:ConceptScheme }} UNION {{ ?s a fp:GoalArea }} UNION {{ ?s a fp:Strategy }}
      ?s ?p ?o . FILTER(?p != prov:wasDerivedFrom) }}"""
    quads = [ox.Quad(r["s"], r["p"], r["o"]) for r in store.query(query)]
    return tuple(sorted(quads, key=str))


@dataclass
class _Text:
    """A raw source text built sentence by sentence; each sentence is a passage."""

    key: str
    parts: list[str] = field(default_factory=list)
    length: int = 0

    def say(self, sentence: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(sentence + "\n")
        self.length += len(sentence) + 1
        return start, start + len(sentence)

    @property
    def raw(self) -> str:
        return "".join(self.parts)


@dataclass
class City:
    """The generated graph: its quads, the raw texts by ``fp:sourceFile``, and handy IRIs for benchmarks."""

    quads: list[ox.Quad]
    sources: dict[str, str]
    hubs: list[str]
    strategies: list[str]
    projects: int
    replies: int


class _Builder:
    """Accumulates quads; names terms once; writes relations with assertions and passages."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.quads: list[ox.Quad] = []
        self._nodes: dict[str, ox.NamedNode] = {}
        self._seen: set[tuple[str, str, str]] = set()
        self.sources: dict[str, str] = {}
        self.type = self.n(RDF + "type")

    def n(self, iri: str) -> ox.NamedNode:
        node = self._nodes.get(iri)
        if node is None:
            node = self._nodes[iri] = ox.NamedNode(iri)
        return node

    def add(self, s: str, p: str, o: str | ox.Literal) -> None:
        obj = o if isinstance(o, ox.Literal) else self.n(o)
        self.quads.append(ox.Quad(self.n(s), self.n(p), obj))

    def node(self, iri: str, classes: tuple[str, ...], sv: str, en: str, mention: str | None) -> None:
        for c in classes:
            self.quads.append(ox.Quad(self.n(iri), self.type, self.n(c)))
        self.add(iri, SKOS + "prefLabel", ox.Literal(sv, language="sv"))
        self.add(iri, SKOS + "prefLabel", ox.Literal(en, language="en"))
        if mention:
            self.add(iri, PROV + "wasDerivedFrom", mention)

    def passage(self, doc: str, text: _Text, sentence: str) -> str:
        start, end = text.say(sentence)
        iri = f"{SYN_IRI}passage/{text.key}/{start}-{end}"
        self.quads.append(ox.Quad(self.n(iri), self.type, self.n(FP_IRI + "Passage")))
        self.add(iri, FP_IRI + "inDocument", doc)
        self.add(iri, FP_IRI + "startOffset", _int(start))
        self.add(iri, FP_IRI + "endOffset", _int(end))
        self.add(iri, FP_IRI + "exactText", ox.Literal(sentence))
        return iri

    def relate(self, s: str, p: str, o: str, passage: str, reason: tuple[str, str] | None = None,
               present: bool = False) -> bool:
        """Add ``s p o`` (unless ``present``) with its assertion; False (nothing added) if already related."""
        if (s, p, o) in self._seen:
            return False
        self._seen.add((s, p, o))
        if not present:
            self.add(s, p, o)
        a = SYN_IRI + "assertion/" + hashlib.sha1(f"{s} {p} {o}".encode()).hexdigest()[:16]
        self.add(a, RDF + "type", RDF + "Statement")
        self.add(a, RDF + "type", FP_IRI + "Assertion")
        self.add(a, RDF + "subject", s)
        self.add(a, RDF + "predicate", p)
        self.add(a, RDF + "object", o)
        self.add(a, PROV + "wasDerivedFrom", passage)
        self.add(a, FP_IRI + "mode", FP_IRI + ("Interpreted" if reason else "Stated"))
        if reason:
            self.add(a, FP_IRI + "reason", ox.Literal(reason[0], language="sv"))
            self.add(a, FP_IRI + "reason", ox.Literal(reason[1], language="en"))
        return True

    def document(self, iri: str, text: _Text, classes: tuple[str, ...], sv: str, en: str, mention: str) -> None:
        raw = text.raw
        source_file = f"sources/syn/{text.key}.txt"
        self.sources[source_file] = raw
        self.node(iri, (FP_IRI + "Document",) + classes, sv, en, mention)
        self.add(iri, DCT + "title", ox.Literal(sv, language="sv"))
        self.add(iri, DCT + "title", ox.Literal(en, language="en"))
        self.add(iri, DCT + "language", ox.Literal("sv"))
        self.add(iri, FP_IRI + "sourceFile", ox.Literal(source_file))
        self.add(iri, FP_IRI + "characterCount", _int(len(raw)))
        self.add(iri, FP_IRI + "sha256", ox.Literal(hashlib.sha256(raw.encode("utf-8")).hexdigest()))


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


class _Partners:
    """A Zipf-ranked partner pool, named lazily; a partner's node is written on its first mention."""

    def __init__(self, b: _Builder, size: int) -> None:
        self.b = b
        self.size = max(size, len(HUBS) + 1)
        self.cum = list(accumulate(1.0 / (rank + 1) ** ZIPF_S for rank in range(self.size)))
        self.named: dict[int, tuple[str, str, str, str]] = {}  # rank -> (iri, sv, en, class)
        self.labels: set[str] = set()
        self.written: set[str] = set()

    def draw(self, k: int) -> list[int]:
        """``k`` distinct ranks, Zipf-distributed (bounded retries)."""
        ranks: list[int] = []
        for _ in range(k * 8):
            rank = self.b.rng.choices(range(self.size), cum_weights=self.cum)[0]
            if rank not in ranks:
                ranks.append(rank)
            if len(ranks) == k:
                break
        return ranks

    def get(self, rank: int) -> tuple[str, str, str, str]:
        if rank not in self.named:
            if rank < len(HUBS):
                key, sv, en, cls = HUBS[rank]
            else:
                sv, en, cls = self._invent()
                key = slug(sv)
            self.labels.add(sv)
            self.named[rank] = (SYN_IRI + "org/" + key, sv, en, cls)
        return self.named[rank]

    def _invent(self) -> tuple[str, str, str]:
        rng = self.b.rng
        for attempt in range(1000):
            cls, sv_t, en_t, numbered = rng.choice(PARTNER_TEMPLATES)
            place = rng.choice(rng.choice(DISTRICTS)[2])
            n = rng.randint(1, 99) if numbered else 0
            sv, en = sv_t.format(place=place, n=n), en_t.format(place=place, n=n)
            if attempt > 50:
                sv, en = f"{sv} {attempt}", f"{en} {attempt}"
            if sv not in self.labels:
                return sv, en, cls
        raise RuntimeError("could not invent a unique partner name")

    def mention(self, rank: int, passage: str) -> str:
        iri, sv, en, cls = self.get(rank)
        if iri not in self.written:
            self.written.add(iri)
            self.b.node(iri, (ORG + "Organization", FP_IRI + cls), sv, en, passage)
        return iri


def build(target_triples: int, seed: int = 0) -> City:
    """Generate a synthetic city of about ``target_triples`` triples (never far above; at least the fixed core)."""
    b = _Builder(seed)
    rng = b.rng
    stad = SYN_IRI + "org/stockholms-stad"

    # The Färdplan: the real scheme, goal areas and strategies, with synthetic passages for their structure.
    plan, plan_text = SYN_IRI + "document/fardplan", _Text("fardplan")
    scheme_quads = _scheme_quads()
    b.quads.extend(scheme_quads)
    labels: dict[str, dict[str, str]] = {}
    notations: dict[str, str] = {}
    goal_of: dict[str, str] = {}
    for q in scheme_quads:
        s = q.subject.value
        if q.predicate.value == SKOS + "prefLabel":
            labels.setdefault(s, {})[q.object.language] = q.object.value
        elif q.predicate.value == SKOS + "notation":
            notations[s] = q.object.value
        elif q.predicate.value == SKOS + "broader":
            goal_of[s] = q.object.value
    goals = {notations[g]: g for g in sorted(set(goal_of.values()))}
    plan_mention = b.passage(plan, plan_text, "Färdplan för ett Stockholm för alla (syntetisk version).")
    scheme = next(q.subject.value for q in scheme_quads if q.object.value == SKOS + "ConceptScheme")
    b.add(scheme, PROV + "wasDerivedFrom", plan_mention)
    for code, goal in goals.items():
        p = b.passage(plan, plan_text, f"Målområde {code}: {labels[goal]['sv']}.")
        b.add(goal, PROV + "wasDerivedFrom", p)
    strategies = sorted(goal_of, key=lambda s: notations[s])
    for s in strategies:
        p = b.passage(plan, plan_text, f"Strategi {notations[s]}: {labels[s]['sv']}.")
        b.add(s, PROV + "wasDerivedFrom", p)
        b.relate(s, SKOS + "broader", goal_of[s], p, present=True)
    by_goal = {code: [s for s in strategies if goal_of[s] == g and notations[s] not in GAP_STRATEGIES]
               for code, g in goals.items()}
    b.document(plan, plan_text, (), "Färdplan för ett Stockholm för alla (syntetisk)",
               "Roadmap for a Stockholm for All (synthetic)", plan_mention)

    # The city's organisation.
    org_doc, org_text = SYN_IRI + "document/organisation", _Text("organisation")
    p = b.passage(org_doc, org_text, "Stockholms stad är en kommun med stadsdelsnämnder, fackförvaltningar och bolag.")
    b.node(stad, (ORG + "Organization", FP_IRI + "Municipality"), "Stockholms stad", "City of Stockholm", p)
    admins: list[tuple[str, str, str, tuple[str, ...]]] = []  # (iri, sv, en, places) of district administrations
    for key, name, places in DISTRICTS:
        committee, admin = SYN_IRI + f"org/{key}-sdn", SYN_IRI + f"org/{key}-sdf"
        p = b.passage(org_doc, org_text, f"{name} stadsdelsnämnd är en av stadens stadsdelsnämnder.")
        b.node(committee, (ORG + "Organization", FP_IRI + "Committee"), f"{name} stadsdelsnämnd",
               f"{name} District Committee", p)
        b.relate(committee, ORG + "subOrganizationOf", stad, p)
        p = b.passage(org_doc, org_text, f"{name} stadsdelsförvaltning lyder under {name} stadsdelsnämnd.")
        b.node(admin, (ORG + "Organization", FP_IRI + "Administration"), f"{name} stadsdelsförvaltning",
               f"{name} District Administration", p)
        b.relate(admin, ORG + "subOrganizationOf", committee, p)
        admins.append((admin, f"{name} stadsdelsförvaltning", f"{name} District Administration", places))
    specialists: list[tuple[str, str, str]] = []
    for key, sv, en in SPECIALISTS:
        iri = SYN_IRI + f"org/{key}"
        p = b.passage(org_doc, org_text, f"{sv} är en av stadens fackförvaltningar.")
        b.node(iri, (ORG + "Organization", FP_IRI + "Administration"), sv, en, p)
        b.relate(iri, ORG + "subOrganizationOf", stad, p)
        specialists.append((iri, sv, en))
    companies: list[tuple[str, str, str]] = []
    for key, sv, en in COMPANIES:
        iri = SYN_IRI + f"org/{key}"
        p = b.passage(org_doc, org_text, f"{sv} är ett av stadens bolag.")
        b.node(iri, (ORG + "Organization", FP_IRI + "MunicipalCompany"), sv, en, p)
        b.relate(iri, ORG + "subOrganizationOf", stad, p)
        companies.append((iri, sv, en))
    b.document(org_doc, org_text, (), "Stockholms stads organisation (syntetisk sammanställning)",
               "The City of Stockholm's organisation (synthetic summary)", b.passage(
                   org_doc, org_text, "Sammanställningen är syntetisk och gjord för prestandatester."))

    partners = _Partners(b, max(150, target_triples // 120))
    project_labels: dict[str, int] = {}
    projects = replies = 0
    reserve = 60  # triples a reply's own node and passages take when it is closed
    while len(b.quads) + reserve < target_triples and replies < 1_000_000:
        replies += 1
        roll = rng.random()
        if roll < 0.7:
            creator, c_sv, c_en, places = rng.choice(admins)
        else:
            creator, c_sv, c_en = rng.choice(specialists if roll < 0.9 else companies)
            places = rng.choice(DISTRICTS)[2]
        reply, text = SYN_IRI + f"document/yttrande-{replies:05d}", _Text(f"yttrande-{replies:05d}")
        mention = b.passage(reply, text, f"{c_sv} föreslår att nämnden överlämnar detta tjänsteutlåtande som svar "
                                         "på remissen om Färdplan för ett Stockholm för alla.")
        b.relate(reply, FP_IRI + "repliesTo", plan, mention)
        b.add(reply, DCT + "creator", creator)
        for _ in range(rng.randint(0, 2)):
            s = rng.choice(strategies)
            if notations[s] in GAP_STRATEGIES:
                continue
            p = b.passage(reply, text, f"{c_sv} arbetar särskilt med strategi {notations[s]}: "
                                       f"{_lower_first(labels[s]['sv'])}.")
            b.relate(creator, FP_IRI + "worksOn", s, p)
        for _ in range(rng.randint(3, 25)):
            if len(b.quads) + reserve >= target_triples:
                break
            projects += 1
            code = rng.choice(tuple(TOPICS))
            topic_sv, topic_en = rng.choice(TOPICS[code])
            place = rng.choice(places)
            sv, en = f"{topic_sv} i {place}", f"{topic_en} in {place}"
            seen = project_labels.get(sv, 0)
            project_labels[sv] = seen + 1
            if seen:
                sv, en = f"{sv}, etapp {seen + 1}", f"{en}, phase {seen + 1}"
            project = SYN_IRI + "project/" + slug(sv)
            p = b.passage(reply, text, f"{c_sv} driver projektet {sv}.")
            b.node(project, (FP_IRI + "Project",), sv, en, p)
            b.add(project, DCT + "description", ox.Literal(
                f"Projekt i {place} inom målområdet {_lower_first(labels[goals[code]]['sv'])}.", language="sv"))
            b.add(project, DCT + "description", ox.Literal(
                f"A project in {place} in the goal area {labels[goals[code]]['en'].lower()}.", language="en"))
            b.relate(creator, FP_IRI + "runs", project, p)
            p = b.passage(reply, text, f"Projektet {sv} hör till målområdet {_lower_first(labels[goals[code]]['sv'])}.")
            b.relate(project, FP_IRI + "relatesToGoalArea", goals[code], p)
            chosen = [rng.choice(by_goal[code])]
            if rng.random() < 0.4:
                extra = rng.choice([s for ss in by_goal.values() for s in ss])
                if extra not in chosen:
                    chosen.append(extra)
            for s in chosen:
                n = notations[s]
                if rng.random() < 0.4:
                    p = b.passage(reply, text, f"Projektets inriktning: {_lower_first(labels[s]['sv'])}.")
                    b.relate(project, FP_IRI + "contributesTo", s, p, (
                        f"Projektets inriktning återger strategi {n}:s ordalydelse; yttrandet anger inget "
                        "strateginummer.",
                        f"The project's focus repeats the wording of strategy {n}; the reply gives no strategy "
                        "number."))
                else:
                    p = b.passage(reply, text, f"Projektet {sv} bidrar till strategi {n} i Färdplanen.")
                    b.relate(project, FP_IRI + "contributesTo", s, p)
            if rng.random() < 0.25:
                commissioner, m_sv, _ = rng.choice(specialists + companies)
                if commissioner != creator:
                    p = b.passage(reply, text, f"Projektet {sv} genomförs på uppdrag av {m_sv}.")
                    b.relate(commissioner, FP_IRI + "commissions", project, p)
            k = min(12, 1 + int(rng.expovariate(1 / 2.2)))
            for rank in partners.draw(k):
                _, p_sv, _, _ = partners.get(rank)
                p = b.passage(reply, text, f"I projektet {sv} medverkar {p_sv}.")
                reason = None
                if rng.random() < 0.1:
                    reason = (f"Yttrandet nämner {p_sv} i samband med projektet utan att säga hur de medverkar.",
                              "The reply names the partner together with the project without saying how it "
                              "takes part.")
                b.relate(partners.mention(rank, p), FP_IRI + "participatesIn", project, p, reason)
        b.document(reply, text, (FP_IRI + "Reply",), f"Yttrande från {c_sv} över Färdplan för ett Stockholm för "
                   f"alla, nr {replies}", f"Reply from {c_en} on the Roadmap for a Stockholm for All, no. {replies}",
                   mention)
    hubs = [partners.named[r][0] for r in range(len(HUBS)) if r in partners.named]
    return City(b.quads, b.sources, hubs, strategies, projects, replies)


def generate(target_triples: int, seed: int = 0) -> list[ox.Quad]:
    """The quads (default graph) of a synthetic city of about ``target_triples`` triples."""
    return build(target_triples, seed).quads


def write(quads: list[ox.Quad], path: str | Path, fmt: str | None = None) -> Path:
    """Write ``quads`` as Turtle (``.ttl``) or N-Triples (``.nt``; the default for other suffixes)."""
    path = Path(path)
    kind = fmt or ("ttl" if path.suffix == ".ttl" else "nt")
    rdf_format = ox.RdfFormat.TURTLE if kind == "ttl" else ox.RdfFormat.N_TRIPLES
    prefixes = PREFIXES | {"syn": SYN_IRI} if kind == "ttl" else None
    path.parent.mkdir(parents=True, exist_ok=True)
    ox.serialize((q.triple for q in quads), output=str(path), format=rdf_format, prefixes=prefixes)
    return path


def write_sources(city: City, directory: str | Path) -> list[Path]:
    """Write each raw text under ``directory`` at its ``fp:sourceFile`` path (e.g. ``data/``)."""
    written = []
    for rel, raw in city.sources.items():
        target = Path(directory) / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(raw, encoding="utf-8")
        written.append(target)
    return written
