import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace lattice {

    namespace replica {

        interface IEnvelope extends lattice.replica.Envelope.$Properties {
        }

        class Envelope {
            constructor(properties?: lattice.replica.Envelope.$Properties);
            $unknowns?: Uint8Array[];
            protocolVersion: number;
            hello?: (lattice.replica.Hello.$Properties|null);
            authProof?: (lattice.replica.AuthProof.$Properties|null);
            authResult?: (lattice.replica.AuthResult.$Properties|null);
            heartbeat?: (lattice.replica.Heartbeat.$Properties|null);
            heartbeatReply?: (lattice.replica.HeartbeatReply.$Properties|null);
            membership?: (lattice.replica.Membership.$Properties|null);
            deltaBatch?: (lattice.replica.DeltaBatch.$Properties|null);
            ack?: (lattice.replica.Ack.$Properties|null);
            digestSummary?: (lattice.replica.DigestSummary.$Properties|null);
            bucketDigests?: (lattice.replica.BucketDigests.$Properties|null);
            entityDigests?: (lattice.replica.EntityDigests.$Properties|null);
            stateRequest?: (lattice.replica.StateRequest.$Properties|null);
            stateReply?: (lattice.replica.StateReply.$Properties|null);
            yjsSync?: (lattice.replica.YjsSync.$Properties|null);
            yjsDiff?: (lattice.replica.YjsDiff.$Properties|null);
            awareness?: (lattice.replica.Awareness.$Properties|null);
            body?: ("hello"|"authProof"|"authResult"|"heartbeat"|"heartbeatReply"|"membership"|"deltaBatch"|"ack"|"digestSummary"|"bucketDigests"|"entityDigests"|"stateRequest"|"stateReply"|"yjsSync"|"yjsDiff"|"awareness");
            static encode(message: lattice.replica.Envelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.replica.Envelope & lattice.replica.Envelope.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace Envelope {
            interface $Properties {
                protocolVersion?: (number|null);
                hello?: (lattice.replica.Hello.$Properties|null);
                authProof?: (lattice.replica.AuthProof.$Properties|null);
                authResult?: (lattice.replica.AuthResult.$Properties|null);
                heartbeat?: (lattice.replica.Heartbeat.$Properties|null);
                heartbeatReply?: (lattice.replica.HeartbeatReply.$Properties|null);
                membership?: (lattice.replica.Membership.$Properties|null);
                deltaBatch?: (lattice.replica.DeltaBatch.$Properties|null);
                ack?: (lattice.replica.Ack.$Properties|null);
                digestSummary?: (lattice.replica.DigestSummary.$Properties|null);
                bucketDigests?: (lattice.replica.BucketDigests.$Properties|null);
                entityDigests?: (lattice.replica.EntityDigests.$Properties|null);
                stateRequest?: (lattice.replica.StateRequest.$Properties|null);
                stateReply?: (lattice.replica.StateReply.$Properties|null);
                yjsSync?: (lattice.replica.YjsSync.$Properties|null);
                yjsDiff?: (lattice.replica.YjsDiff.$Properties|null);
                awareness?: (lattice.replica.Awareness.$Properties|null);
                body?: ("hello"|"authProof"|"authResult"|"heartbeat"|"heartbeatReply"|"membership"|"deltaBatch"|"ack"|"digestSummary"|"bucketDigests"|"entityDigests"|"stateRequest"|"stateReply"|"yjsSync"|"yjsDiff"|"awareness");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              protocolVersion?: number|null;
              hello?: lattice.replica.Hello.$Shape|null;
              authProof?: lattice.replica.AuthProof.$Shape|null;
              authResult?: lattice.replica.AuthResult.$Shape|null;
              heartbeat?: lattice.replica.Heartbeat.$Shape|null;
              heartbeatReply?: lattice.replica.HeartbeatReply.$Shape|null;
              membership?: lattice.replica.Membership.$Shape|null;
              deltaBatch?: lattice.replica.DeltaBatch.$Shape|null;
              ack?: lattice.replica.Ack.$Shape|null;
              digestSummary?: lattice.replica.DigestSummary.$Shape|null;
              bucketDigests?: lattice.replica.BucketDigests.$Shape|null;
              entityDigests?: lattice.replica.EntityDigests.$Shape|null;
              stateRequest?: lattice.replica.StateRequest.$Shape|null;
              stateReply?: lattice.replica.StateReply.$Shape|null;
              yjsSync?: lattice.replica.YjsSync.$Shape|null;
              yjsDiff?: lattice.replica.YjsDiff.$Shape|null;
              awareness?: lattice.replica.Awareness.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; hello?: null; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "hello"; hello: lattice.replica.Hello.$Shape; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "authProof"; hello?: null; authProof: lattice.replica.AuthProof.$Shape; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "authResult"; hello?: null; authProof?: null; authResult: lattice.replica.AuthResult.$Shape; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "heartbeat"; hello?: null; authProof?: null; authResult?: null; heartbeat: lattice.replica.Heartbeat.$Shape; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "heartbeatReply"; hello?: null; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply: lattice.replica.HeartbeatReply.$Shape; membership?: null; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "membership"; hello?: null; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership: lattice.replica.Membership.$Shape; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "deltaBatch"; hello?: null; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch: lattice.replica.DeltaBatch.$Shape; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "ack"; hello?: null; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack: lattice.replica.Ack.$Shape; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "digestSummary"; hello?: null; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack?: null; digestSummary: lattice.replica.DigestSummary.$Shape; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "bucketDigests"; hello?: null; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests: lattice.replica.BucketDigests.$Shape; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "entityDigests"; hello?: null; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests: lattice.replica.EntityDigests.$Shape; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "stateRequest"; hello?: null; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest: lattice.replica.StateRequest.$Shape; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "stateReply"; hello?: null; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply: lattice.replica.StateReply.$Shape; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "yjsSync"; hello?: null; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync: lattice.replica.YjsSync.$Shape; yjsDiff?: null; awareness?: null }|{ body?: "yjsDiff"; hello?: null; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff: lattice.replica.YjsDiff.$Shape; awareness?: null }|{ body?: "awareness"; hello?: null; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness: lattice.replica.Awareness.$Shape })
            );
        }

        interface IHello extends lattice.replica.Hello.$Properties {
        }

        class Hello {
            constructor(properties?: lattice.replica.Hello.$Properties);
            $unknowns?: Uint8Array[];
            replicaId: string;
            region: string;
            advertiseUrl: string;
            protocolVersions: number[];
            nonce: Uint8Array;
            features: string[];
            timeMs: number;
            role: lattice.replica.Role;
            static encode(message: lattice.replica.Hello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.replica.Hello & lattice.replica.Hello.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace Hello {
            interface $Properties {
                replicaId?: (string|null);
                region?: (string|null);
                advertiseUrl?: (string|null);
                protocolVersions?: (number[]|null);
                nonce?: (Uint8Array|null);
                features?: (string[]|null);
                timeMs?: (number|null);
                role?: (lattice.replica.Role|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.replica.Hello.$Properties;
        }

        enum Role {
            ROLE_UNSPECIFIED = 0,
            DIALER = 1,
            LISTENER = 2
        }

        interface IAuthProof extends lattice.replica.AuthProof.$Properties {
        }

        class AuthProof {
            constructor(properties?: lattice.replica.AuthProof.$Properties);
            $unknowns?: Uint8Array[];
            mac: Uint8Array;
            static encode(message: lattice.replica.AuthProof.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.replica.AuthProof & lattice.replica.AuthProof.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace AuthProof {
            interface $Properties {
                mac?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.replica.AuthProof.$Properties;
        }

        interface IAuthResult extends lattice.replica.AuthResult.$Properties {
        }

        class AuthResult {
            constructor(properties?: lattice.replica.AuthResult.$Properties);
            $unknowns?: Uint8Array[];
            ok: boolean;
            reason: lattice.replica.RefusalReason;
            message: string;
            protocolVersions: number[];
            static encode(message: lattice.replica.AuthResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.replica.AuthResult & lattice.replica.AuthResult.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace AuthResult {
            interface $Properties {
                ok?: (boolean|null);
                reason?: (lattice.replica.RefusalReason|null);
                message?: (string|null);
                protocolVersions?: (number[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.replica.AuthResult.$Properties;
        }

        enum RefusalReason {
            REFUSAL_REASON_UNSPECIFIED = 0,
            BAD_PROOF = 1,
            VERSION_MISMATCH = 2,
            SAME_REPLICA_ID = 3,
            DUPLICATE_SESSION = 4,
            MALFORMED = 5,
            TIMEOUT = 6,
            UNAVAILABLE = 7
        }

        interface IHeartbeat extends lattice.replica.Heartbeat.$Properties {
        }

        class Heartbeat {
            constructor(properties?: lattice.replica.Heartbeat.$Properties);
            $unknowns?: Uint8Array[];
            timeMs: number;
            seq: number;
            static encode(message: lattice.replica.Heartbeat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.replica.Heartbeat & lattice.replica.Heartbeat.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace Heartbeat {
            interface $Properties {
                timeMs?: (number|null);
                seq?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.replica.Heartbeat.$Properties;
        }

        interface IHeartbeatReply extends lattice.replica.HeartbeatReply.$Properties {
        }

        class HeartbeatReply {
            constructor(properties?: lattice.replica.HeartbeatReply.$Properties);
            $unknowns?: Uint8Array[];
            echoTimeMs: number;
            seq: number;
            timeMs: number;
            static encode(message: lattice.replica.HeartbeatReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.replica.HeartbeatReply & lattice.replica.HeartbeatReply.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace HeartbeatReply {
            interface $Properties {
                echoTimeMs?: (number|null);
                seq?: (number|null);
                timeMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.replica.HeartbeatReply.$Properties;
        }

        interface IMembership extends lattice.replica.Membership.$Properties {
        }

        class Membership {
            constructor(properties?: lattice.replica.Membership.$Properties);
            $unknowns?: Uint8Array[];
            members: lattice.replica.Member.$Properties[];
            static encode(message: lattice.replica.Membership.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.replica.Membership & lattice.replica.Membership.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace Membership {
            interface $Properties {
                members?: (lattice.replica.Member.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.replica.Membership.$Properties;
        }

        interface IMember extends lattice.replica.Member.$Properties {
        }

        class Member {
            constructor(properties?: lattice.replica.Member.$Properties);
            $unknowns?: Uint8Array[];
            replicaId: string;
            region: string;
            url: string;
            connected: boolean;
            static encode(message: lattice.replica.Member.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.replica.Member & lattice.replica.Member.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace Member {
            interface $Properties {
                replicaId?: (string|null);
                region?: (string|null);
                url?: (string|null);
                connected?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.replica.Member.$Properties;
        }

        interface IDeltaBatch extends lattice.replica.DeltaBatch.$Properties {
        }

        class DeltaBatch {
            constructor(properties?: lattice.replica.DeltaBatch.$Properties);
            $unknowns?: Uint8Array[];
            batchSeq: number;
            deltas: lattice.replica.Delta.$Properties[];
            static encode(message: lattice.replica.DeltaBatch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.replica.DeltaBatch & lattice.replica.DeltaBatch.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace DeltaBatch {
            interface $Properties {
                batchSeq?: (number|null);
                deltas?: (lattice.replica.Delta.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.replica.DeltaBatch.$Properties;
        }

        interface IDelta extends lattice.replica.Delta.$Properties {
        }

        class Delta {
            constructor(properties?: lattice.replica.Delta.$Properties);
            $unknowns?: Uint8Array[];
            service: string;
            key: string;
            origin: string;
            seq: number;
            firstSeq: number;
            originTimeMs: number;
            delta: Uint8Array;
            deleted: boolean;
            version: lattice.replica.VersionEntry.$Properties[];
            static encode(message: lattice.replica.Delta.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.replica.Delta & lattice.replica.Delta.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace Delta {
            interface $Properties {
                service?: (string|null);
                key?: (string|null);
                origin?: (string|null);
                seq?: (number|null);
                firstSeq?: (number|null);
                originTimeMs?: (number|null);
                delta?: (Uint8Array|null);
                deleted?: (boolean|null);
                version?: (lattice.replica.VersionEntry.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.replica.Delta.$Properties;
        }

        interface IAck extends lattice.replica.Ack.$Properties {
        }

        class Ack {
            constructor(properties?: lattice.replica.Ack.$Properties);
            $unknowns?: Uint8Array[];
            batchSeq: number;
            static encode(message: lattice.replica.Ack.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.replica.Ack & lattice.replica.Ack.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace Ack {
            interface $Properties {
                batchSeq?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.replica.Ack.$Properties;
        }

        interface IDigestSummary extends lattice.replica.DigestSummary.$Properties {
        }

        class DigestSummary {
            constructor(properties?: lattice.replica.DigestSummary.$Properties);
            $unknowns?: Uint8Array[];
            round: number;
            fanout: number;
            depth: number;
            root: Uint8Array;
            buckets: Uint8Array;
            static encode(message: lattice.replica.DigestSummary.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.replica.DigestSummary & lattice.replica.DigestSummary.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace DigestSummary {
            interface $Properties {
                round?: (number|null);
                fanout?: (number|null);
                depth?: (number|null);
                root?: (Uint8Array|null);
                buckets?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.replica.DigestSummary.$Properties;
        }

        interface IBucketDigests extends lattice.replica.BucketDigests.$Properties {
        }

        class BucketDigests {
            constructor(properties?: lattice.replica.BucketDigests.$Properties);
            $unknowns?: Uint8Array[];
            round: number;
            buckets: lattice.replica.BucketLeaves.$Properties[];
            static encode(message: lattice.replica.BucketDigests.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.replica.BucketDigests & lattice.replica.BucketDigests.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace BucketDigests {
            interface $Properties {
                round?: (number|null);
                buckets?: (lattice.replica.BucketLeaves.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.replica.BucketDigests.$Properties;
        }

        interface IBucketLeaves extends lattice.replica.BucketLeaves.$Properties {
        }

        class BucketLeaves {
            constructor(properties?: lattice.replica.BucketLeaves.$Properties);
            $unknowns?: Uint8Array[];
            bucket: number;
            leaves: Uint8Array;
            static encode(message: lattice.replica.BucketLeaves.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.replica.BucketLeaves & lattice.replica.BucketLeaves.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace BucketLeaves {
            interface $Properties {
                bucket?: (number|null);
                leaves?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.replica.BucketLeaves.$Properties;
        }

        interface IEntityDigests extends lattice.replica.EntityDigests.$Properties {
        }

        class EntityDigests {
            constructor(properties?: lattice.replica.EntityDigests.$Properties);
            $unknowns?: Uint8Array[];
            round: number;
            leaves: number[];
            entities: lattice.replica.EntityDigest.$Properties[];
            static encode(message: lattice.replica.EntityDigests.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.replica.EntityDigests & lattice.replica.EntityDigests.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace EntityDigests {
            interface $Properties {
                round?: (number|null);
                leaves?: (number[]|null);
                entities?: (lattice.replica.EntityDigest.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.replica.EntityDigests.$Properties;
        }

        interface IEntityDigest extends lattice.replica.EntityDigest.$Properties {
        }

        class EntityDigest {
            constructor(properties?: lattice.replica.EntityDigest.$Properties);
            $unknowns?: Uint8Array[];
            service: string;
            key: string;
            digest: Uint8Array;
            version: lattice.replica.VersionEntry.$Properties[];
            deleted: boolean;
            static encode(message: lattice.replica.EntityDigest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.replica.EntityDigest & lattice.replica.EntityDigest.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace EntityDigest {
            interface $Properties {
                service?: (string|null);
                key?: (string|null);
                digest?: (Uint8Array|null);
                version?: (lattice.replica.VersionEntry.$Properties[]|null);
                deleted?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.replica.EntityDigest.$Properties;
        }

        interface IVersionEntry extends lattice.replica.VersionEntry.$Properties {
        }

        class VersionEntry {
            constructor(properties?: lattice.replica.VersionEntry.$Properties);
            $unknowns?: Uint8Array[];
            replica: string;
            count: number;
            static encode(message: lattice.replica.VersionEntry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.replica.VersionEntry & lattice.replica.VersionEntry.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace VersionEntry {
            interface $Properties {
                replica?: (string|null);
                count?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.replica.VersionEntry.$Properties;
        }

        interface IStateRequest extends lattice.replica.StateRequest.$Properties {
        }

        class StateRequest {
            constructor(properties?: lattice.replica.StateRequest.$Properties);
            $unknowns?: Uint8Array[];
            round: number;
            entities: lattice.replica.StateWant.$Properties[];
            static encode(message: lattice.replica.StateRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.replica.StateRequest & lattice.replica.StateRequest.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace StateRequest {
            interface $Properties {
                round?: (number|null);
                entities?: (lattice.replica.StateWant.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.replica.StateRequest.$Properties;
        }

        interface IStateWant extends lattice.replica.StateWant.$Properties {
        }

        class StateWant {
            constructor(properties?: lattice.replica.StateWant.$Properties);
            $unknowns?: Uint8Array[];
            service: string;
            key: string;
            version: lattice.replica.VersionEntry.$Properties[];
            context: Uint8Array;
            stateVector: Uint8Array;
            static encode(message: lattice.replica.StateWant.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.replica.StateWant & lattice.replica.StateWant.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace StateWant {
            interface $Properties {
                service?: (string|null);
                key?: (string|null);
                version?: (lattice.replica.VersionEntry.$Properties[]|null);
                context?: (Uint8Array|null);
                stateVector?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.replica.StateWant.$Properties;
        }

        interface IStateReply extends lattice.replica.StateReply.$Properties {
        }

        class StateReply {
            constructor(properties?: lattice.replica.StateReply.$Properties);
            $unknowns?: Uint8Array[];
            round: number;
            entities: lattice.replica.EntityState.$Properties[];
            static encode(message: lattice.replica.StateReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.replica.StateReply & lattice.replica.StateReply.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace StateReply {
            interface $Properties {
                round?: (number|null);
                entities?: (lattice.replica.EntityState.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.replica.StateReply.$Properties;
        }

        interface IEntityState extends lattice.replica.EntityState.$Properties {
        }

        class EntityState {
            constructor(properties?: lattice.replica.EntityState.$Properties);
            $unknowns?: Uint8Array[];
            service: string;
            key: string;
            state: Uint8Array;
            version: lattice.replica.VersionEntry.$Properties[];
            deleted: boolean;
            partial: boolean;
            static encode(message: lattice.replica.EntityState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.replica.EntityState & lattice.replica.EntityState.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace EntityState {
            interface $Properties {
                service?: (string|null);
                key?: (string|null);
                state?: (Uint8Array|null);
                version?: (lattice.replica.VersionEntry.$Properties[]|null);
                deleted?: (boolean|null);
                partial?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.replica.EntityState.$Properties;
        }

        interface IYjsSync extends lattice.replica.YjsSync.$Properties {
        }

        class YjsSync {
            constructor(properties?: lattice.replica.YjsSync.$Properties);
            $unknowns?: Uint8Array[];
            requestId: number;
            service: string;
            key: string;
            stateVector: Uint8Array;
            static encode(message: lattice.replica.YjsSync.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.replica.YjsSync & lattice.replica.YjsSync.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace YjsSync {
            interface $Properties {
                requestId?: (number|null);
                service?: (string|null);
                key?: (string|null);
                stateVector?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.replica.YjsSync.$Properties;
        }

        interface IYjsDiff extends lattice.replica.YjsDiff.$Properties {
        }

        class YjsDiff {
            constructor(properties?: lattice.replica.YjsDiff.$Properties);
            $unknowns?: Uint8Array[];
            requestId: number;
            service: string;
            key: string;
            update: Uint8Array;
            deleted: boolean;
            static encode(message: lattice.replica.YjsDiff.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.replica.YjsDiff & lattice.replica.YjsDiff.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace YjsDiff {
            interface $Properties {
                requestId?: (number|null);
                service?: (string|null);
                key?: (string|null);
                update?: (Uint8Array|null);
                deleted?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.replica.YjsDiff.$Properties;
        }

        interface IAwareness extends lattice.replica.Awareness.$Properties {
        }

        class Awareness {
            constructor(properties?: lattice.replica.Awareness.$Properties);
            $unknowns?: Uint8Array[];
            service: string;
            key: string;
            update: Uint8Array;
            origin: string;
            static encode(message: lattice.replica.Awareness.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.replica.Awareness & lattice.replica.Awareness.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace Awareness {
            interface $Properties {
                service?: (string|null);
                key?: (string|null);
                update?: (Uint8Array|null);
                origin?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.replica.Awareness.$Properties;
        }
    }
}
