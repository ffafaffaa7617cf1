"""
The visitor's consent: what they accepted, read from and written to the signed consent cookie.

The cookie holds the policy version, the accepted optional categories, when the choice was made
and a random consent id (the key of the matching `ConsentRecord` rows). It is signed, so a visitor
cannot forge a record id, and it is only trusted while its policy version is the current one:
raising `CONSENT_POLICY_VERSION` asks everyone again.
"""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.core import signing

from consent.registry import EXTERNAL_MEDIA, NECESSARY, OPTIONAL_CATEGORIES, PREFERENCES, STATISTICS

SALT = "consent.cookie"


@dataclass(frozen=True)
class Consent:
    accepted: frozenset[str] = frozenset()  # optional categories only
    chosen: bool = False  # False: no valid choice stored yet (the banner shows)
    gpc: bool = False  # the browser sent Sec-GPC: 1 and no choice overrides it
    consent_id: str = ""
    chosen_at: datetime | None = None
    policy_version: int = 0

    def allows(self, category: str) -> bool:
        return category == NECESSARY or category in self.accepted

    @property
    def allows_preferences(self) -> bool:
        return PREFERENCES in self.accepted

    @property
    def allows_statistics(self) -> bool:
        return STATISTICS in self.accepted

    @property
    def allows_external_media(self) -> bool:
        return EXTERNAL_MEDIA in self.accepted

    @property
    def needs_choice(self) -> bool:
        return not self.chosen


NO_CHOICE = Consent()
NO_CHOICE_GPC = Consent(gpc=True)


def new_consent(*, accepted: set[str] | frozenset[str], previous: Consent) -> Consent:
    """A fresh choice; a visitor who changes their mind keeps their consent id."""
    unknown = set(accepted) - set(OPTIONAL_CATEGORIES)
    if unknown:
        raise ValueError(f"unknown consent categories: {sorted(unknown)}")
    return Consent(
        accepted=frozenset(accepted),
        chosen=True,
        consent_id=previous.consent_id or uuid.uuid4().hex,
        chosen_at=datetime.now(tz=UTC).replace(microsecond=0),
        policy_version=settings.CONSENT_POLICY_VERSION,
    )


def encode(consent: Consent) -> str:
    payload = {
        "v": consent.policy_version,
        "c": sorted(consent.accepted),
        "t": int(consent.chosen_at.timestamp()),
        "id": consent.consent_id,
    }
    return signing.dumps(payload, salt=SALT)


def decode(value: str | None, *, gpc: bool) -> Consent:
    """The consent a cookie value stands for; no valid, current choice means none (GPC honoured)."""
    if value:
        try:
            payload = signing.loads(value, salt=SALT, max_age=settings.CONSENT_COOKIE_AGE)
            if payload["v"] == settings.CONSENT_POLICY_VERSION:
                return Consent(
                    accepted=frozenset(payload["c"]) & frozenset(OPTIONAL_CATEGORIES),
                    chosen=True,
                    consent_id=str(payload["id"]),
                    chosen_at=datetime.fromtimestamp(payload["t"], tz=UTC),
                    policy_version=payload["v"],
                )
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            pass  # tampered, expired or from an older format: ask again
    return NO_CHOICE_GPC if gpc else NO_CHOICE
