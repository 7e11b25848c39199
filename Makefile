# learnsite: the two commands a new user needs are `make site` and `make test`.
SWIFT ?= swift
LEARNSITE = .build/debug/learnsite

TEST_OUTPUT = .build/test-output

.PHONY: site test build deps test-deps browser-deps clean bench

## make site: install what is missing, build learnsite, write Output/ (site, handouts and PDFs) from Content/
site: build
	$(LEARNSITE) build --content Content --output Output --pdf

## make test: install what the tests need, build, run every test
test: test-deps browser-deps
	$(SWIFT) build
	$(SWIFT) test
	scripts/cli-test.sh $(LEARNSITE)
	scripts/pdf-test.sh $(LEARNSITE)
	$(LEARNSITE) build --content Content --output $(TEST_OUTPUT)
	python3 Tests/Browser/check_site.py $(TEST_OUTPUT)/site

build: deps
	$(SWIFT) build --product learnsite

deps:
	scripts/install-deps.sh site

test-deps:
	scripts/install-deps.sh test

## Chromium, chromedriver, Java and the Python checkers used by Tests/Browser
browser-deps:
	scripts/install-browser-deps.sh

## make bench [QUICK=1]: speed and memory against Hugo, cmark-gfm, DuckDB and Miller (scripts/bench.sh; results in bench-work/results.md)
bench: deps
	scripts/bench.sh $(if $(filter 1 yes true,$(QUICK)),--quick)

clean:
	rm -rf .build Output/site
