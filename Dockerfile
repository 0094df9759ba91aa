# The app image for docker-compose.yml: gunicorn serving cum4.wsgi, static files by whitenoise.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY cum4 ./cum4
COPY inspections ./inspections
COPY complaints ./complaints
COPY emulation ./emulation
RUN pip install --upgrade pip && pip install .
COPY . .

RUN useradd --create-home --uid 1000 cum4 && mkdir -p /app/media /app/staticfiles \
    && chown -R cum4 /app/media /app/staticfiles
USER cum4

EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --noinput && python manage.py collectstatic --noinput && gunicorn cum4.wsgi:application --bind 0.0.0.0:8000 --workers ${GUNICORN_WORKERS:-3} --access-logfile -"]
