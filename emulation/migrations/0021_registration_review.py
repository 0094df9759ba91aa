"""The review of registrations: a state, a version, the reviewer and the reason, a timeline.

Existing rows: a registration signed for an earlier year than the current one was taken as
it stood when its year ran, so it is accepted (no reviewer is on record); one signed for the
current year or later is submitted and waits for the cluster lead; an unsigned one stays a
draft. Each signature already given becomes the timeline's first step. Written with
`update()` and `bulk_create()`: the history keeps no invented edits.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone


def forward(apps, schema_editor):
    Registration = apps.get_model("emulation", "Registration")
    RegistrationEvent = apps.get_model("emulation", "RegistrationEvent")
    current = timezone.localdate().year
    signed = Registration.objects.filter(signed_at__isnull=False)
    signed.filter(year__lt=current).update(state="accepted")
    signed.filter(year__gte=current).update(state="submitted")
    RegistrationEvent.objects.bulk_create(
        RegistrationEvent(
            registration_id=pk, action="submitted", by_id=by_id, at=at, comment=""
        )
        for pk, by_id, at in signed.values_list("pk", "signed_by_id", "signed_at")
    )


class Migration(migrations.Migration):

    dependencies = [
        ('cum4', '0008_user_language_and_manager'),
        ('emulation', '0020_dossier'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='RegistrationEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('action', models.CharField(choices=[('submitted', 'signed and submitted'), ('withdrawn', 'signature withdrawn'), ('returned', 'returned'), ('accepted', 'accepted')], max_length=10, verbose_name='action')),
                ('at', models.DateTimeField(verbose_name='at')),
                ('comment', models.TextField(blank=True, verbose_name='comment')),
            ],
            options={
                'verbose_name': 'registration event',
                'verbose_name_plural': 'registration events',
                'ordering': ['at', 'id'],
            },
        ),
        migrations.AddField(
            model_name='historicalregistration',
            name='return_reason',
            field=models.TextField(blank=True, verbose_name='reason for return'),
        ),
        migrations.AddField(
            model_name='historicalregistration',
            name='reviewed_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='reviewed at'),
        ),
        migrations.AddField(
            model_name='historicalregistration',
            name='reviewed_by',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='reviewed by'),
        ),
        migrations.AddField(
            model_name='historicalregistration',
            name='state',
            field=models.CharField(choices=[('draft', 'draft'), ('submitted', 'submitted'), ('returned', 'returned'), ('accepted', 'accepted')], default='draft', max_length=10, verbose_name='state'),
        ),
        migrations.AddField(
            model_name='historicalregistration',
            name='version',
            field=models.PositiveIntegerField(default=1, verbose_name='version'),
        ),
        migrations.AddField(
            model_name='registration',
            name='return_reason',
            field=models.TextField(blank=True, verbose_name='reason for return'),
        ),
        migrations.AddField(
            model_name='registration',
            name='reviewed_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='reviewed at'),
        ),
        migrations.AddField(
            model_name='registration',
            name='reviewed_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='reviewed by'),
        ),
        migrations.AddField(
            model_name='registration',
            name='state',
            field=models.CharField(choices=[('draft', 'draft'), ('submitted', 'submitted'), ('returned', 'returned'), ('accepted', 'accepted')], default='draft', max_length=10, verbose_name='state'),
        ),
        migrations.AddField(
            model_name='registration',
            name='version',
            field=models.PositiveIntegerField(default=1, verbose_name='version'),
        ),
        migrations.AddConstraint(
            model_name='registration',
            constraint=models.CheckConstraint(condition=models.Q(('state__in', ['draft', 'returned']), ('signed_at__isnull', False), _connector='OR'), name='registration_submitted_is_signed'),
        ),
        migrations.AddConstraint(
            model_name='registration',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('state', 'returned'), _negated=True), models.Q(('return_reason', ''), _negated=True), _connector='OR'), name='registration_returned_has_reason'),
        ),
        migrations.AddField(
            model_name='registrationevent',
            name='by',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by'),
        ),
        migrations.AddField(
            model_name='registrationevent',
            name='registration',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='emulation.registration', verbose_name='registration'),
        ),
        migrations.RunPython(forward, migrations.RunPython.noop),
    ]
