# Shared by build_linux.sh and smoke_test.sh (sourced, not run).

source scripts/debian.sh  # need_debian_packages

# The version, from the one place it lives: pyproject.toml's [project] version.
project_version() {
  .venv/bin/python -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])'
}
