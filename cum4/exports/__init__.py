"""File renderings of the approved figures: the cluster workbook, the year-end Word report and
the offline quarter template. Each takes the JSON of `cluster_report` (one query feeds every
renderer) and writes to a binary stream."""
