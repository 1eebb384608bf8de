from .cli import main

if __name__ == "__main__":  # not when a process started by ``spawn`` imports it (the server's writer)
    raise SystemExit(main())
