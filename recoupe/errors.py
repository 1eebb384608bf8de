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
    ├── ProcessingError             exit 4   a stage failed on one document
    │   └── UnsupportedLanguage     E201
    ├── InternalError               exit 5   E301: an unexpected exception in a stage or a reader (a bug:
    │   │                                    the batch goes on, the failure names the stage and the exception)
    │   └── WorkerLost              E302     a document whose analysis killed its Dask worker twice
    ├── StoreError                  exit 6   the store cannot be used (checked when it is opened)
    │   ├── StoreMissing            E401     no store there (a read-only command never creates one)
    │   ├── StoreUnreadable         E402     not a SQLite file, or a corrupt one; a folder given as a store
    │   ├── StoreReadOnly           E403     cannot be written (file, folder or disk)
    │   └── ForeignStore            E404     a SQLite file that is neither empty nor a recoupe store
    ├── OutputError                 exit 7   E501: a report cannot be written there (checked before analysis)
    ├── RequestError                exit 8   a request to ``recoupe serve`` refused (``status``: its HTTP status)
    │   ├── BadRequest              E600 400 a query parameter or path that is not valid
    │   ├── Unauthorized            E601 401 no token, or a wrong one, on a write
    │   ├── ReadOnlyServer          E602 403 a write to a server started without a token
    │   ├── NotFound                E603 404 no such story, version, document or page
    │   ├── BodyTooLarge            E604 413 a body over ``max_request_bytes`` (refused before it is read whole)
    │   ├── UnsupportedMediaType    E605 415 a body that is not JSON
    │   ├── InvalidBody             E606 422 malformed JSON, or an article missing a field or with a wrong one
    │   └── Unavailable             E607 503 the store cannot be used just now, or the writer stopped
    └── ClusterError                exit 9   E700: the Dask cluster cannot be started, reached or used

Every error names the input (file, ``file:line`` or document id) and says what
would be valid.
"""

from __future__ import annotations

__all__ = [
    "BadRequest",
    "BinaryInput",
    "BodyTooLarge",
    "ClusterError",
    "ConfigError",
    "ContractError",
    "EmptyInput",
    "EncodingUnknown",
    "ForeignStore",
    "InputError",
    "InputTooLarge",
    "InternalError",
    "InvalidBody",
    "MalformedRecord",
    "NoArticle",
    "NotFound",
    "OutputError",
    "PipelineError",
    "ProcessingError",
    "ReadOnlyServer",
    "RecoupeError",
    "RequestError",
    "StoreError",
    "StoreMissing",
    "StoreReadOnly",
    "StoreUnreadable",
    "Unauthorized",
    "Unavailable",
    "UnsupportedFormat",
    "UnsupportedLanguage",
    "UnsupportedMediaType",
    "WorkerLost",
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


class InternalError(RecoupeError):
    """An exception that is not one of recoupe's own, caught around one document's stage or one reader."""

    code = "E301"
    exit_code = 5

    @classmethod
    def of(cls, where: str, stage: str, exc: BaseException) -> InternalError:
        message = str(exc).splitlines()[0][:300] if str(exc) else "no message"
        return cls(where, f"internal error in stage '{stage}': {type(exc).__name__}: {message}")


class WorkerLost(InternalError):
    """A document whose analysis killed the Dask worker running it, on two workers (a crash in native code, memory
    exhausted): it is left out, the rest goes on."""

    code = "E302"


class StoreError(RecoupeError):
    code = "E400"
    exit_code = 6


class StoreMissing(StoreError):
    code = "E401"


class StoreUnreadable(StoreError):
    code = "E402"


class StoreReadOnly(StoreError):
    code = "E403"


class ForeignStore(StoreError):
    code = "E404"


class OutputError(RecoupeError):
    code = "E501"
    exit_code = 7


class RequestError(RecoupeError):
    """A request to the web server (``recoupe serve``) refused; ``status`` is its HTTP status."""

    code = "E600"
    exit_code = 8
    status = 400


class BadRequest(RequestError):
    code = "E600"


class Unauthorized(RequestError):
    code = "E601"
    status = 401


class ReadOnlyServer(RequestError):
    code = "E602"
    status = 403


class NotFound(RequestError):
    code = "E603"
    status = 404


class BodyTooLarge(RequestError):
    code = "E604"
    status = 413


class UnsupportedMediaType(RequestError):
    code = "E605"
    status = 415


class InvalidBody(RequestError):
    code = "E606"
    status = 422


class Unavailable(RequestError):
    code = "E607"
    status = 503


class ClusterError(RecoupeError):
    """The Dask cluster of ``--workers`` / ``--scheduler`` cannot be started, reached or used."""

    code = "E700"
    exit_code = 9


def exit_code_for(code: str) -> int:
    """The exit code of the error class that carries ``code`` (1 when none does)."""
    classes: list[type[RecoupeError]] = [RecoupeError]
    while classes:
        cls = classes.pop()
        if cls.code == code:
            return cls.exit_code
        classes.extend(cls.__subclasses__())
    return RecoupeError.exit_code
