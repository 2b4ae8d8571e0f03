#!/usr/bin/env python3
"""Run ``kashf extract`` over a corpus with Apache Spark.

Each Spark partition is streamed through one ``kashf extract --input jsonl
--format jsonl`` process: the partition's records go to kashf's standard
input, kashf's output lines become the output records. The kashf binary is
shipped to the executors with ``SparkContext.addFile`` (or ``spark-submit
--files``) and found there with ``SparkFiles.get``.

Inputs:

* JSONL (``*.jsonl``, ``*.jsonl.gz``, ``*.json``): one JSON object per line
  with ``text`` and ``id``; the lines are passed to kashf unparsed, so every
  other field is copied to the output as ``kashf extract --input jsonl``
  does. Give every record an ``id``: without one, kashf names the document
  ``stdin:N`` with N counted within the partition, which is not stable.
* anything else (a folder, a file, a Hadoop glob such as ``news/*/*.txt``):
  UTF-8 text files, one document per file. A folder stands for its
  ``*.txt`` files (not those of its subfolders), each named by its name in
  the folder (``news/`` → ``a.txt``); any other file is named by the URI
  Spark gives it.

Output: a folder of ``part-NNNNN`` JSONL files (``saveAsTextFile``), one
line per document, exactly the line ``kashf extract --input jsonl`` writes
for it. The folder must not exist. The order of documents is Spark's (the
documents of one input split stay together, in order), so sort or key by
``doc`` when comparing runs.

Failures: a kashf process that exits with a non-zero status (a malformed
JSON line gives status 2, see the README's exit codes) fails its task with
kashf's standard error in the message, and so the job. ``RDD.pipe`` would not
do this: by default it ignores the exit status and the partition's missing
documents go unnoticed.

Example (local mode)::

    spark-submit --master 'local[2]' examples/spark/kashf_spark.py \\
        --kashf target/release/kashf --ref-date 2021-03-12 \\
        articles.jsonl entities-out/
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO

from pyspark import RDD, SparkConf, SparkContext, SparkFiles

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".json", ".json.gz")
"""Inputs with these suffixes are read as JSONL, anything else as text files."""

RESERVED_OPTIONS = ("--input", "--format", "-o", "--output")
"""kashf options the driver sets itself and a user may not pass through."""

STDERR_KEEP = 64 * 1024
"""How many bytes of a kashf process's standard error go into an error."""


class KashfFailed(RuntimeError):
    """A kashf process exited with a non-zero status (or could not be fed)."""


ERROR_TAG = KashfFailed.__name__
"""How a failed kashf process's error is found in a failed job's message."""


# Executor side --------------------------------------------------------------


def _feed(lines: Iterable[str], sink: IO[bytes], errors: list[BaseException]) -> None:
    """Writes ``lines`` to ``sink``, one per line, then closes it.

    Runs in its own thread: writing the whole partition before reading
    kashf's output would deadlock once both pipes are full. An exception is
    stored in ``errors`` for the reading thread to raise. A broken pipe means
    kashf ended early; its exit status says why, so it is not stored.
    """
    try:
        for line in lines:
            sink.write(line.rstrip("\r\n").encode("utf-8"))
            sink.write(b"\n")
    except BrokenPipeError:
        pass
    except BaseException as e:  # anything: the reader re-raises it
        errors.append(e)
    finally:
        with contextlib.suppress(BrokenPipeError):
            sink.close()


def _drain(source: IO[bytes], tail: deque[bytes]) -> None:
    """Copies ``source`` (kashf's standard error) to ours, keeping its tail.

    The copy lands in the executor's log; the tail goes into the error if
    kashf fails. Draining in a thread keeps a chatty kashf from blocking on
    a full pipe.
    """
    kept = 0
    for chunk in source:
        sys.stderr.buffer.write(chunk)
        tail.append(chunk)
        kept += len(chunk)
        while kept > STDERR_KEEP and len(tail) > 1:
            kept -= len(tail.popleft())
    sys.stderr.flush()


def run_kashf(argv: Sequence[str], lines: Iterable[str], label: str = "kashf") -> Iterator[str]:
    """Streams ``lines`` through the process ``argv``; yields its output lines.

    ``argv`` is a ``kashf extract --input jsonl --format jsonl`` command line
    reading standard input. After the last output line the process is waited
    for, and :class:`KashfFailed` raised, with the end of its standard error,
    if it exited with a non-zero status or its input could not be written.
    If the caller stops early, the process is killed.
    """
    proc = subprocess.Popen(
        list(argv),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdin and proc.stdout and proc.stderr
    feed_errors: list[BaseException] = []
    stderr_tail: deque[bytes] = deque()
    feeder = threading.Thread(target=_feed, args=(lines, proc.stdin, feed_errors), daemon=True)
    drainer = threading.Thread(target=_drain, args=(proc.stderr, stderr_tail), daemon=True)
    feeder.start()
    drainer.start()
    finished = False
    try:
        for raw in proc.stdout:
            yield raw.decode("utf-8").rstrip("\n")
        status = proc.wait()
        feeder.join()
        drainer.join()
        finished = True
    finally:
        if not finished:
            proc.kill()
            proc.wait()
    stderr = b"".join(stderr_tail).decode("utf-8", "replace").rstrip()
    if status != 0:
        ended = f"was killed by signal {-status}" if status < 0 else f"exited with status {status}"
        raise KashfFailed(
            f"{label}: kashf {ended}"
            + (
                f"; its standard error:\n{stderr}"
                if stderr
                else " and wrote nothing to standard error"
            )
        )
    if feed_errors:
        raise KashfFailed(f"{label}: feeding kashf failed: {feed_errors[0]!r}") from feed_errors[0]


def _executable(name: str) -> str:
    """The path of the shipped file ``name`` on this executor, made executable."""
    path = SparkFiles.get(name)
    mode = os.stat(path).st_mode
    if not mode & stat.S_IXUSR:
        os.chmod(path, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def kashf_partition(
    binary: str, kashf_args: Sequence[str]
) -> Callable[[int, Iterable[str]], Iterator[str]]:
    """The ``mapPartitionsWithIndex`` function: one kashf process per partition.

    ``binary`` is the name of the shipped kashf binary (``SparkFiles.get``);
    ``kashf_args`` are extra ``kashf extract`` options. An empty partition
    starts no process.
    """

    def run(index: int, partition: Iterable[str]) -> Iterator[str]:
        records = iter(partition)
        first = next(records, None)
        if first is None:
            return iter(())
        argv = [
            _executable(binary),
            "extract",
            "--input",
            "jsonl",
            "--format",
            "jsonl",
            "-q",
            *kashf_args,
        ]
        return run_kashf(argv, itertools.chain([first], records), label=f"partition {index}")

    return run


def text_record(root: str | None) -> Callable[[tuple[str, str]], str]:
    """Turns a ``wholeTextFiles`` pair into a kashf JSONL input line.

    The document is named by its path relative to ``root`` (a folder URI
    ending in ``/``) when it lies under it, else by its full URI.
    """

    def record(pair: tuple[str, str]) -> str:
        uri, text = pair
        name = uri[len(root) :] if root and uri.startswith(root) else uri
        return json.dumps({"id": name, "text": text}, ensure_ascii=False)

    return record


# Driver side ----------------------------------------------------------------


def is_jsonl(path: str) -> bool:
    """Whether the input ``path`` is read as JSONL (by its suffix)."""
    return path.lower().endswith(JSONL_SUFFIXES)


def folder_uri(sc: SparkContext, path: str) -> str | None:
    """The qualified URI of ``path``, ending in ``/``, if it is a folder."""
    # Hadoop's FileSystem API, which knows hdfs:// and s3a:// as well as
    # local paths, is only reachable through py4j.
    jvm = sc._jvm
    assert jvm is not None, "a SparkContext on the driver has a JVM"
    hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
    fs = hadoop_path.getFileSystem(sc._jsc.hadoopConfiguration())
    try:
        status = fs.getFileStatus(hadoop_path)
    except Exception:  # missing, or a glob: Spark says which when it reads it
        return None
    if not status.isDirectory():
        return None
    return str(status.getPath().toString()).rstrip("/") + "/"


def read_documents(sc: SparkContext, paths: Sequence[str], partitions: int) -> RDD[str]:
    """All inputs as one RDD of kashf JSONL input lines, in ``partitions`` partitions.

    Inputs are read with at least ``partitions`` splits each and the union
    coalesced (no shuffle) to ``partitions``: small inputs share processes,
    and no document is moved through a shuffle.
    """
    parts: list[RDD[str]] = []
    for path in paths:
        if is_jsonl(path):
            parts.append(sc.textFile(path, minPartitions=partitions))
        else:
            root = folder_uri(sc, path)
            pattern = root + "*.txt" if root else path
            files = sc.wholeTextFiles(pattern, minPartitions=partitions)
            parts.append(files.map(text_record(root)))
    rdd = parts[0] if len(parts) == 1 else sc.union(parts)
    return rdd.coalesce(partitions) if rdd.getNumPartitions() > partitions else rdd


def ship_kashf(sc: SparkContext, kashf: str) -> str:
    """Makes the kashf binary available to every executor; returns its name there.

    A binary already shipped with ``spark-submit --files`` (matched by file
    name) is used as is; otherwise ``kashf`` is a path, or a command on the
    driver's PATH, and is added with ``SparkContext.addFile``.
    """
    name = os.path.basename(kashf)
    shipped = sc.getConf().get("spark.files", "") or ""
    if any(os.path.basename(f.rstrip("/")) == name for f in shipped.split(",") if f):
        return name
    path = kashf if os.path.isfile(kashf) else shutil.which(kashf)
    if path is None:
        raise SystemExit(
            f"kashf_spark: no kashf binary at {kashf!r}"
            " (give --kashf PATH or spark-submit --files PATH)"
        )
    sc.addFile(os.path.abspath(path))
    return os.path.basename(path)


def kashf_failure(error: BaseException) -> str | None:
    """The message of the :class:`KashfFailed` behind a failed Spark job, if any."""
    match = re.search(rf"{ERROR_TAG}: (.*?)(?:\n\n|\n\tat |\Z)", str(error), re.S)
    return match.group(1).rstrip() if match else None


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Parses the driver's command line; options after ``--`` go to kashf."""
    argv = list(argv)
    passthrough: list[str] = []
    if "--" in argv:
        cut = argv.index("--")
        argv, passthrough = argv[:cut], argv[cut + 1 :]
    parser = argparse.ArgumentParser(
        prog="kashf_spark.py",
        usage="%(prog)s [OPTIONS] INPUT... OUTPUT [-- KASHF_OPTION...]",
        description=(
            "Extract entities from a corpus with kashf on Apache Spark: each partition is streamed "
            "through one `kashf extract --input jsonl --format jsonl` process, and a kashf process "
            "that fails fails the job."
        ),
        epilog=(
            "Options after `--` are passed to `kashf extract` (not --input, --format or --output; "
            "files they name, such as --gazetteer FILE, must exist at that path on every node). "
            "Example: spark-submit --master 'local[2]' kashf_spark.py --kashf target/release/kashf "
            "--ref-date 2021-03-12 articles.jsonl out/ -- --gazetteer /data/extra.tsv"
        ),
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help='JSONL files (*.jsonl, *.jsonl.gz, *.json) of {"id", "text", ...} records, or folders '
        "(their *.txt files), files or Hadoop globs of UTF-8 text files, one document per file",
    )
    parser.add_argument(
        "output", metavar="OUTPUT", help="output folder (must not exist): part-NNNNN JSONL files"
    )
    parser.add_argument(
        "--kashf",
        default="kashf",
        metavar="PATH",
        help="the kashf binary on the driver, shipped to the executors; a file of that name "
        "already shipped with spark-submit --files is used instead (default: %(default)s, "
        "looked up in --files, then on PATH)",
    )
    parser.add_argument(
        "--partitions",
        type=int,
        metavar="N",
        help="number of partitions, i.e. of kashf processes (default: Spark's default parallelism)",
    )
    parser.add_argument(
        "--ref-date",
        metavar="YYYY-MM-DD",
        help="passed to kashf: reference date for relative dates",
    )
    parser.add_argument(
        "--app-name",
        default="kashf",
        metavar="NAME",
        help="Spark application name (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    if args.partitions is not None and args.partitions < 1:
        parser.error("--partitions must be at least 1")
    for option in passthrough:
        if option.split("=", 1)[0] in RESERVED_OPTIONS:
            parser.error(
                f"{option.split('=', 1)[0]} is set by the driver and cannot be passed to kashf"
            )
    args.kashf_args = ([f"--ref-date={args.ref_date}"] if args.ref_date else []) + passthrough
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the job; returns the process exit status."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    sc = SparkContext.getOrCreate(SparkConf().setAppName(args.app_name))
    failure = None
    try:
        binary = ship_kashf(sc, args.kashf)
        # One task runs on spark.task.cpus cores: kashf gets as many threads
        # unless told otherwise, rather than one per core of the node each.
        kashf_args = list(args.kashf_args)
        if not any(
            a in ("-j", "--threads") or a.startswith(("-j", "--threads=")) for a in kashf_args
        ):
            kashf_args.insert(0, f"--threads={sc.getConf().get('spark.task.cpus', '1')}")
        partitions = args.partitions or sc.defaultParallelism
        documents = read_documents(sc, args.inputs, partitions)
        documents.mapPartitionsWithIndex(kashf_partition(binary, kashf_args)).saveAsTextFile(
            args.output
        )
    except Exception as e:
        failure = kashf_failure(e)
        if failure is None:
            raise
    finally:
        sc.stop()
    if failure is not None:
        # After Spark's own log, so that it is the last thing said.
        print(f"kashf_spark: job failed: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
