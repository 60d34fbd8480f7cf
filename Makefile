# Installs Gantry under a prefix: the binary (stripped), its themes for reference, the man page
# and shell completions.
#   swift build -c release && make install PREFIX=/usr/local     (or ~/.local)
# The themes are inside the binary; share/gantry/themes holds copies to start your own from
# (put yours in ~/.config/gantry/themes).
PREFIX ?= /usr/local
BIN ?= .build/release/gantry
MANPAGE ?= .build/man/gantry.1
DEST = $(DESTDIR)$(PREFIX)

.PHONY: install install-files man uninstall

install: man
	swift build -c release --product gantry
	$(MAKE) install-files

# ArgumentParser's generate-manual writes gantry.1 (and gantry-bench.1, not installed) from --help.
man:
	mkdir -p $(CURDIR)/.build/man
	swift package --allow-writing-to-package-directory generate-manual -o $(CURDIR)/.build/man

install-files:
	install -d $(DEST)/bin $(DEST)/share/gantry/themes $(DEST)/share/man/man1 \
	  $(DEST)/share/bash-completion/completions $(DEST)/share/zsh/site-functions $(DEST)/share/fish/vendor_completions.d
	install -m 755 $(BIN) $(DEST)/bin/gantry
	strip $(DEST)/bin/gantry
	install -m 644 themes/*.toml $(DEST)/share/gantry/themes/
	install -m 644 $(MANPAGE) $(DEST)/share/man/man1/gantry.1
	$(DEST)/bin/gantry --generate-completion-script bash > $(DEST)/share/bash-completion/completions/gantry
	$(DEST)/bin/gantry --generate-completion-script zsh > $(DEST)/share/zsh/site-functions/_gantry
	$(DEST)/bin/gantry --generate-completion-script fish > $(DEST)/share/fish/vendor_completions.d/gantry.fish

uninstall:
	rm -f $(DEST)/bin/gantry $(DEST)/share/man/man1/gantry.1 $(DEST)/share/bash-completion/completions/gantry \
	  $(DEST)/share/zsh/site-functions/_gantry $(DEST)/share/fish/vendor_completions.d/gantry.fish
	rm -rf $(DEST)/share/gantry
