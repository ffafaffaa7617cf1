"""schema.org JSON-LD for article pages: a MedicalWebPage about ketamine and esketamine."""

from django.conf import settings

from articles.library import Article
from core.languages import LOCALES

PATIENT_AUDIENCE = {"@type": "MedicalAudience", "audienceType": "Patient"}
US_SCHEDULE_III = {
    "@type": "DrugLegalStatus",
    "name": "Schedule III controlled substance",
    "applicableLocation": {"@type": "Country", "name": "United States"},
}
KETAMINE = {
    "@type": "Drug",
    "name": "Ketamine",
    "nonProprietaryName": "ketamine hydrochloride",
    "administrationRoute": ["intravenous", "intramuscular", "oral", "sublingual", "intranasal", "subcutaneous"],
    "legalStatus": US_SCHEDULE_III,
}
ESKETAMINE = {
    "@type": "Drug",
    "name": "Esketamine",
    "proprietaryName": "Spravato",
    "administrationRoute": "intranasal",
    "legalStatus": US_SCHEDULE_III,
}


def medical_web_page(article: Article) -> dict:
    metadata = article.metadata
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": metadata.title,
        "headline": metadata.title,
        "description": metadata.summary,
        "url": settings.SITE_URL + article.url,
        "inLanguage": LOCALES[article.language].replace("_", "-"),
        "datePublished": metadata.published.isoformat(),
        "dateModified": metadata.updated.isoformat(),
        "lastReviewed": (metadata.reviewed or metadata.updated).isoformat(),
        "audience": PATIENT_AUDIENCE,
        "about": [KETAMINE, ESKETAMINE],
        "publisher": {"@type": "Organization", "name": str(settings.SITE_NAME), "url": settings.SITE_URL + "/"},
        "citation": [reference.citation for reference in article.rendered.references],
    }
    if metadata.reviewer:
        data["reviewedBy"] = {"@type": "Person", "name": metadata.reviewer}
    return data
