"""The export log keeps a copy of who exported and which inquiries, so it outlives both."""

from django.db import migrations, models


def copy_usernames(apps, schema_editor):
    InquiryExport = apps.get_model("clinics", "InquiryExport")
    for export in InquiryExport.objects.filter(exported_by__isnull=False).select_related("exported_by"):
        export.exported_by_username = export.exported_by.username
        export.save(update_fields=["exported_by_username"])


class Migration(migrations.Migration):
    dependencies = [("clinics", "0003_inquiry_notified_at")]

    operations = [
        migrations.AddField(
            model_name="inquiryexport",
            name="exported_by_username",
            field=models.CharField(default="", max_length=150, verbose_name="exported by"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="inquiryexport",
            name="references",
            field=models.JSONField(default=list, verbose_name="inquiry references"),
        ),
        migrations.RunPython(copy_usernames, migrations.RunPython.noop),
    ]
