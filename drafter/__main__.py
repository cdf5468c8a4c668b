from drafter.cli import run

raise SystemExit(run())
