"""The commendation dossier (hồ sơ đề nghị khen thưởng) assembled from the records: the
cluster's tờ trình and minutes, each proposed unit's achievement report and pending-complaint
statement, their checklist, deadline, freezing, signed scans and the zip sent to the
Government Inspectorate. The top room: it reads every room below and none reads it."""
