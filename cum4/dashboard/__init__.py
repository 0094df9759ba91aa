"""The cluster and unit dashboards: approved figures, change, completeness, charts, panels."""
