import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace lattice {

    namespace storage {

        interface IReplicaMeta extends lattice.storage.ReplicaMeta.$Properties {
        }

        class ReplicaMeta {
            constructor(properties?: lattice.storage.ReplicaMeta.$Properties);
            $unknowns?: Uint8Array[];
            format: number;
            replicaId: string;
            createdMs: number;
            static encode(message: lattice.storage.ReplicaMeta.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.storage.ReplicaMeta & lattice.storage.ReplicaMeta.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace ReplicaMeta {
            interface $Properties {
                format?: (number|null);
                replicaId?: (string|null);
                createdMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.storage.ReplicaMeta.$Properties;
        }

        interface ISequenceMeta extends lattice.storage.SequenceMeta.$Properties {
        }

        class SequenceMeta {
            constructor(properties?: lattice.storage.SequenceMeta.$Properties);
            $unknowns?: Uint8Array[];
            seq: number;
            static encode(message: lattice.storage.SequenceMeta.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.storage.SequenceMeta & lattice.storage.SequenceMeta.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace SequenceMeta {
            interface $Properties {
                seq?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.storage.SequenceMeta.$Properties;
        }

        interface IEntityRecord extends lattice.storage.EntityRecord.$Properties {
        }

        class EntityRecord {
            constructor(properties?: lattice.storage.EntityRecord.$Properties);
            $unknowns?: Uint8Array[];
            format: number;
            state: Uint8Array;
            version: lattice.storage.VersionCount.$Properties[];
            deleted: boolean;
            firstLog: number;
            nextLog: number;
            digest: Uint8Array;
            stateVector: Uint8Array;
            static encode(message: lattice.storage.EntityRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.storage.EntityRecord & lattice.storage.EntityRecord.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace EntityRecord {
            interface $Properties {
                format?: (number|null);
                state?: (Uint8Array|null);
                version?: (lattice.storage.VersionCount.$Properties[]|null);
                deleted?: (boolean|null);
                firstLog?: (number|null);
                nextLog?: (number|null);
                digest?: (Uint8Array|null);
                stateVector?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.storage.EntityRecord.$Properties;
        }

        interface IVersionCount extends lattice.storage.VersionCount.$Properties {
        }

        class VersionCount {
            constructor(properties?: lattice.storage.VersionCount.$Properties);
            $unknowns?: Uint8Array[];
            replica: string;
            count: number;
            static encode(message: lattice.storage.VersionCount.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.storage.VersionCount & lattice.storage.VersionCount.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace VersionCount {
            interface $Properties {
                replica?: (string|null);
                count?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.storage.VersionCount.$Properties;
        }
    }
}
