from tests.exports.conftest import seed_2022  # noqa: F401  (the 2022 seed year, approved)
