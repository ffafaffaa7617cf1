"""
The find-a-clinic inquiry. What a visitor types is health-adjacent personal data: it is kept
only as long as `INQUIRY_RETENTION_DAYS` allows once closed, never holds an IP address, and is
seen only by clinic staff in the admin.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

NAME_MAX = 100
EMAIL_MAX = 254
PHONE_MAX = 32
LOCATION_MAX = 100
COUNTRY_MAX = 60
MESSAGE_MAX = 2000
SOURCE_PATH_MAX = 200

# What the visitor typed: the form asks for exactly these, and staff may read but never change them.
VISITOR_FIELDS = (
    "name",
    "email",
    "phone",
    "preferred_contact",
    "location",
    "us_state",
    "country",
    "topic",
    "message",
    "is_adult",
    "consent_to_contact",
)


class Topic(models.TextChoices):
    DEPRESSION = "depression", _("Depression")
    TREATMENT_RESISTANT_DEPRESSION = "trd", _("Treatment-resistant depression")
    PTSD = "ptsd", _("PTSD (post-traumatic stress disorder)")
    ANXIETY = "anxiety", _("Anxiety")
    CHRONIC_PAIN = "chronic_pain", _("Chronic pain")
    OTHER = "other", _("Something else")


class ContactMethod(models.TextChoices):
    EMAIL = "email", _("Email")
    PHONE = "phone", _("Phone")


class Status(models.TextChoices):
    NEW = "new", "New"
    IN_PROGRESS = "in_progress", "In progress"
    CONTACTED = "contacted", "Contacted"
    REFERRED = "referred", "Referred"
    CLOSED = "closed", "Closed"
    SPAM = "spam", "Spam"


# Statuses whose records the retention command may delete.
FINISHED_STATUSES = (Status.CLOSED, Status.SPAM)

US_STATES = [
    ("AL", _("Alabama")),
    ("AK", _("Alaska")),
    ("AZ", _("Arizona")),
    ("AR", _("Arkansas")),
    ("CA", _("California")),
    ("CO", _("Colorado")),
    ("CT", _("Connecticut")),
    ("DE", _("Delaware")),
    ("DC", _("District of Columbia")),
    ("FL", _("Florida")),
    ("GA", _("Georgia")),
    ("HI", _("Hawaii")),
    ("ID", _("Idaho")),
    ("IL", _("Illinois")),
    ("IN", _("Indiana")),
    ("IA", _("Iowa")),
    ("KS", _("Kansas")),
    ("KY", _("Kentucky")),
    ("LA", _("Louisiana")),
    ("ME", _("Maine")),
    ("MD", _("Maryland")),
    ("MA", _("Massachusetts")),
    ("MI", _("Michigan")),
    ("MN", _("Minnesota")),
    ("MS", _("Mississippi")),
    ("MO", _("Missouri")),
    ("MT", _("Montana")),
    ("NE", _("Nebraska")),
    ("NV", _("Nevada")),
    ("NH", _("New Hampshire")),
    ("NJ", _("New Jersey")),
    ("NM", _("New Mexico")),
    ("NY", _("New York")),
    ("NC", _("North Carolina")),
    ("ND", _("North Dakota")),
    ("OH", _("Ohio")),
    ("OK", _("Oklahoma")),
    ("OR", _("Oregon")),
    ("PA", _("Pennsylvania")),
    ("RI", _("Rhode Island")),
    ("SC", _("South Carolina")),
    ("SD", _("South Dakota")),
    ("TN", _("Tennessee")),
    ("TX", _("Texas")),
    ("UT", _("Utah")),
    ("VT", _("Vermont")),
    ("VA", _("Virginia")),
    ("WA", _("Washington")),
    ("WV", _("West Virginia")),
    ("WI", _("Wisconsin")),
    ("WY", _("Wyoming")),
    ("AS", _("American Samoa")),
    ("GU", _("Guam")),
    ("MP", _("Northern Mariana Islands")),
    ("PR", _("Puerto Rico")),
    ("VI", _("U.S. Virgin Islands")),
]


class Inquiry(models.Model):
    # What the visitor sent.
    reference = models.CharField(max_length=16, unique=True, editable=False)
    name = models.CharField(max_length=NAME_MAX)
    email = models.EmailField(max_length=EMAIL_MAX)
    phone = models.CharField(max_length=PHONE_MAX, blank=True)
    preferred_contact = models.CharField(max_length=8, choices=ContactMethod.choices, default=ContactMethod.EMAIL)
    location = models.CharField("postal code or city", max_length=LOCATION_MAX)
    us_state = models.CharField("US state", max_length=2, choices=US_STATES, blank=True)
    country = models.CharField(max_length=COUNTRY_MAX)
    topic = models.CharField(max_length=16, choices=Topic.choices)
    message = models.TextField(max_length=MESSAGE_MAX, blank=True)
    is_adult = models.BooleanField("confirmed 18 or older", default=False)
    consent_to_contact = models.BooleanField(default=False)
    privacy_policy_version = models.CharField(max_length=32)
    source_path = models.CharField("came from page", max_length=SOURCE_PATH_MAX, blank=True)
    # The edition the visitor wrote from, so staff can answer a Spanish inquiry in Spanish.
    language = models.CharField(
        max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE, editable=False
    )
    # The nonce of the form token that sent it: unique, so one loaded form is stored once (clinics.antiabuse).
    form_nonce = models.CharField(max_length=32, blank=True, editable=False)

    # What staff do with it.
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.NEW)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="inquiries"
    )
    staff_notes = models.TextField(blank=True)
    contacted_at = models.DateTimeField(null=True, blank=True)
    # Set by the notification task once staff were e-mailed, so a retry never e-mails them twice.
    notified_at = models.DateTimeField("staff e-mailed at", null=True, blank=True, editable=False)

    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "inquiries"
        ordering = ["-created"]
        indexes = [
            models.Index(fields=["status"], name="inquiry_status_idx"),
            models.Index(fields=["created"], name="inquiry_created_idx"),
        ]
        constraints = [
            # Inquiries stored before tokens carried a nonce have none.
            models.UniqueConstraint(fields=["form_nonce"], condition=~Q(form_nonce=""), name="inquiry_form_nonce_once")
        ]

    def __str__(self):
        return self.reference


class InquiryExport(models.Model):
    """One export of inquiries: who took personal data out of the admin, when, and which inquiries.

    The username and the references are copies, so the record outlives the account and the inquiries."""

    exported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    exported_by_username = models.CharField("exported by", max_length=150)
    exported_at = models.DateTimeField(auto_now_add=True)
    row_count = models.PositiveIntegerField()
    references = models.JSONField("inquiry references", default=list)

    class Meta:
        ordering = ["-exported_at"]

    def __str__(self):
        return f"{self.row_count} rows by {self.exported_by_username} at {self.exported_at:%Y-%m-%d %H:%M}"
