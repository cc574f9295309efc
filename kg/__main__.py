"""`python -m kg ...` runs the `kg` command line."""

from kg.cli import main

if __name__ == "__main__":
    main(prog_name="kg")
