# dangvu: two commands on a fresh machine. `make run` for the demo, `make test` for everything.
.PHONY: setup lock upgrade run test test-fast lint format messages seed bench

setup:
	scripts/setup.sh

# Re-make requirements/*.lock.txt from requirements/base.txt and dev.txt (after adding or changing a pin).
lock:
	scripts/lock.sh

# The same, taking the newest release of every package the inputs do not pin; then `make setup` installs it.
upgrade:
	scripts/lock.sh --upgrade

run: setup
	DANGVU_DEV=1 DEBUG=1 .venv/bin/python manage.py migrate -v 0
	DANGVU_DEV=1 DEBUG=1 .venv/bin/python manage.py seed_demo --size bloc --seed 1 --if-empty
	@echo ""
	@echo "dangvu: http://127.0.0.1:8000"
	@echo "  committee staff:  admin / admin"
	@echo "  secretary:        see the line printed by seed_demo above (password: demo)"
	@# The background worker runs large imports and report compilations; it stops with the server.
	DANGVU_DEV=1 DEBUG=1 .venv/bin/python manage.py db_worker & worker=$$!; \
	trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	DANGVU_DEV=1 DEBUG=1 .venv/bin/python manage.py runserver 127.0.0.1:8000

test:
	scripts/test.sh

test-fast: setup
	DANGVU_DEV=1 .venv/bin/python -m pytest -q -m "not browser" -n 2

lint: setup
	.venv/bin/ruff check . && .venv/bin/ruff format --check .

format: setup
	.venv/bin/ruff check --fix . && .venv/bin/ruff format .

messages: setup
	DANGVU_DEV=1 .venv/bin/python manage.py makemessages -l vi --no-obsolete --ignore=.venv --ignore=bench
	DANGVU_DEV=1 .venv/bin/python manage.py compilemessages --ignore=.venv

bench: setup
	bash bench/run.sh
