"""Starting point of ${{ values.name }}: run it in a session or as a job."""

import platform


def main():
    print(f"Hello from ${{ values.name }} on Python {platform.python_version()}")


if __name__ == "__main__":
    main()
