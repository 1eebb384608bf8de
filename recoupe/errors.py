"""The error tree of recoupe.

::

    RecoupeError                    exit 1
    ├── ConfigError                 exit 2   bad setting, unknown stage/format name, bad CLI use
    ├── PipelineError               exit 2   stages in an order that breaks a contract
    │   └── ContractError           E003     a stage read a field it does not declare (check_contracts)
    ├── InputError                  exit 3   one input cannot be read
    │   ├── EmptyInput              E101
    │   ├── BinaryInput             E102
    │   ├── EncodingUnknown         E103
    │   ├── InputTooLarge           E104
    │   ├── MalformedRecord         E105     JSONL line, feed, HTML
    │   ├── NoArticle               E106     a page with no article text
    │   └── UnsupportedFormat       E107
    └── ProcessingError             exit 4   a stage failed on one document
        └── UnsupportedLanguage     E201

Every error names the input (file, ``file:line`` or document id) and says what
would be valid.
"""

from __future__ import annotations

__all__ = [
    "BinaryInput",
    "ConfigError",
    "ContractError",
    "EmptyInput",
    "EncodingUnknown",
    "InputError",
    "InputTooLarge",
    "MalformedRecord",
    "NoArticle",
    "PipelineError",
    "ProcessingError",
    "RecoupeError",
    "UnsupportedFormat",
    "UnsupportedLanguage",
    "exit_code_for",
]


class RecoupeError(Exception):
    code = "E000"
    exit_code = 1

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem} [{self.code}]")


class ConfigError(RecoupeError):
    code = "E001"
    exit_code = 2


class PipelineError(RecoupeError):
    code = "E002"
    exit_code = 2


class ContractError(PipelineError):
    code = "E003"


class InputError(RecoupeError):
    code = "E100"
    exit_code = 3


class EmptyInput(InputError):
    code = "E101"


class BinaryInput(InputError):
    code = "E102"


class EncodingUnknown(InputError):
    code = "E103"


class InputTooLarge(InputError):
    code = "E104"


class MalformedRecord(InputError):
    code = "E105"


class NoArticle(InputError):
    code = "E106"


class UnsupportedFormat(InputError):
    code = "E107"


class ProcessingError(RecoupeError):
    code = "E200"
    exit_code = 4


class UnsupportedLanguage(ProcessingError):
    code = "E201"


def exit_code_for(code: str) -> int:
    """The exit code of the error class that carries ``code`` (1 when none does)."""
    classes: list[type[RecoupeError]] = [RecoupeError]
    while classes:
        cls = classes.pop()
        if cls.code == code:
            return cls.exit_code
        classes.extend(cls.__subclasses__())
    return RecoupeError.exit_code
