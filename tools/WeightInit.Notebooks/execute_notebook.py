"""Executes one notebook on a Jupyter kernel, as Jupyter and Binder do (nbclient, the library behind
`jupyter nbconvert --execute`), for tools/WeightInit.Notebooks.

Usage: /usr/bin/python3 execute_notebook.py NOTEBOOK OUTPUT KERNEL CELL_TIMEOUT_SECONDS

The kernel starts in the notebook's folder and runs the code cells in order; execution stops at the first cell that
fails. OUTPUT is the notebook with the outputs it got, written also when a cell failed, so that the tool can name the
cell and its error. Exit code 0: every cell ran; 3: a cell failed (its error output is in OUTPUT); 4: the kernel died
before it ran a cell (no OUTPUT); any other: the kernel could not run the notebook (no OUTPUT; standard error says
why). Needs Debian's python3-nbclient and python3-nbformat.
"""
import os
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, DeadKernelError

source, output, kernel, timeout = sys.argv[1:]
notebook = nbformat.read(source, as_version=4)
started = []
client = NotebookClient(notebook, kernel_name=kernel, timeout=int(timeout), startup_timeout=300, record_timing=False,
                        resources={"metadata": {"path": os.path.dirname(os.path.abspath(source))}},
                        on_cell_start=lambda cell, cell_index: started.append(cell_index))
status = 0
try:
    client.execute()
except CellExecutionError:
    status = 3
except DeadKernelError:
    if started:
        raise
    sys.exit(4)
except RuntimeError as error:
    # jupyter_client's "Kernel died before replying to kernel_info": the kernel died while starting (two kernels
    # starting at once can race for a port), before any cell ran.
    if started or "Kernel died" not in str(error):
        raise
    sys.exit(4)
nbformat.write(notebook, output)
sys.exit(status)
