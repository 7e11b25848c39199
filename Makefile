# learnsite: the two commands a new user needs are `make site` and `make test`.
SWIFT ?= swift
LEARNSITE = .build/debug/learnsite

.PHONY: site test build deps clean

## make site: install what is missing, build learnsite, write Output/ from Content/
site: build
	$(LEARNSITE) build --content Content --output Output

## make test: install what the tests need, build, run every test
test: deps
	$(SWIFT) build
	$(SWIFT) test
	scripts/cli-test.sh $(LEARNSITE)

build: deps
	$(SWIFT) build --product learnsite

deps:
	scripts/install-deps.sh

clean:
	rm -rf .build Output/site
