# The two commands of README.md, and a few conveniences.
.PHONY: run test stop build bench

run:
	./scripts/start.sh

test:
	./scripts/test.sh

stop:
	./scripts/stop.sh

build:
	cmake --preset release >/dev/null && cmake --build --preset release

bench:
	./bench/run.sh
