"""The app's URLs: each feature's list, under the one `emulation` namespace (names and paths
are the features'; templates reverse them as `emulation:<name>`)."""

from __future__ import annotations

from django.urls import include, path

app_name = "emulation"

urlpatterns: list = [
    path("", include("emulation.staff.urls")),
    path("", include("emulation.awards.urls")),
    path("", include("emulation.movements.urls")),
    path("", include("emulation.scoring.urls")),
    path("", include("emulation.dossier.urls")),
]
