"""A loopback SMTP server for tests: saves every message it accepts as a file in a folder.

Usage: /usr/bin/python3 smtp_sink.py PORT FOLDER
Prints "ready" once it listens on 127.0.0.1:PORT; stops on SIGTERM or when stdin closes.
"""
import asyncio
import os
import socket
import sys
import threading
import uuid

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP


class NoDelaySMTP(SMTP):
    # Replies and ACKs go out at once. A client that writes a message in several small pieces otherwise waits
    # for the delayed ACK (about 40 ms on loopback) before each further piece, and the test measures the TCP
    # stack rather than the sender. Linux turns quick ACKs off again after use, so they are set on every read.
    def connection_made(self, transport):
        self._sock = transport.get_extra_info("socket")
        self._quick_ack()
        if self._sock is not None:
            self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)

    def data_received(self, data):
        self._quick_ack()
        super().data_received(data)

    def _quick_ack(self):
        if self._sock is not None and hasattr(socket, "TCP_QUICKACK"):
            self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)


class NoDelayController(Controller):
    def factory(self):
        return NoDelaySMTP(self.handler, **self.SMTP_kwargs)


class SaveToFolder:
    def __init__(self, folder, delay):
        self.folder = folder
        self.delay = delay

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            # A slow server, so a test can stop a sender while it is still delivering.
            await asyncio.sleep(self.delay)
        name = uuid.uuid4().hex
        tmp = os.path.join(self.folder, name + ".tmp")
        with open(tmp, "wb") as f:
            f.write(("X-Envelope-To: " + ", ".join(envelope.rcpt_tos) + "\r\n").encode())
            f.write(envelope.original_content or envelope.content)
        os.replace(tmp, os.path.join(self.folder, name + ".eml"))
        return "250 Message accepted for delivery"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    delay = float(sys.argv[3]) / 1000 if len(sys.argv) > 3 else 0
    os.makedirs(folder, exist_ok=True)
    controller = NoDelayController(SaveToFolder(folder, delay), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    done = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
    try:
        done.wait()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
