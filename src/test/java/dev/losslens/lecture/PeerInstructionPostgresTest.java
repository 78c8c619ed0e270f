package dev.losslens.lecture;

import dev.losslens.OnPostgres;

/** Peer instruction's two rounds, on PostgreSQL. */
@OnPostgres
class PeerInstructionPostgresTest extends PeerInstructionTest {
}
