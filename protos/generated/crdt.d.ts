import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace lattice {

    namespace crdt {

        enum CrdtType {
            CRDT_TYPE_UNSPECIFIED = 0,
            GCOUNTER = 1,
            PNCOUNTER = 2,
            GSET = 3,
            ORSET = 4,
            LWWREGISTER = 5,
            FLAG = 6,
            ORMAP = 7,
            VOTE = 8,
            YDOC = 9
        }

        interface ICrdtState extends lattice.crdt.CrdtState.$Properties {
        }

        class CrdtState {
            constructor(properties?: lattice.crdt.CrdtState.$Properties);
            $unknowns?: Uint8Array[];
            format: number;
            type: lattice.crdt.CrdtType;
            replicas: string[];
            context?: (lattice.crdt.CausalContext.$Properties|null);
            store?: (lattice.crdt.Store.$Properties|null);
            ydoc: Uint8Array;
            static encode(message: lattice.crdt.CrdtState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.crdt.CrdtState & lattice.crdt.CrdtState.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace CrdtState {
            interface $Properties {
                format?: (number|null);
                type?: (lattice.crdt.CrdtType|null);
                replicas?: (string[]|null);
                context?: (lattice.crdt.CausalContext.$Properties|null);
                store?: (lattice.crdt.Store.$Properties|null);
                ydoc?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              format?: number|null;
              type?: lattice.crdt.CrdtType|null;
              replicas?: string[]|null;
              context?: lattice.crdt.CausalContext.$Shape|null;
              store?: lattice.crdt.Store.$Shape|null;
              ydoc?: Uint8Array|null;
              $unknowns?: Uint8Array[];
            };
        }

        interface ICausalContext extends lattice.crdt.CausalContext.$Properties {
        }

        class CausalContext {
            constructor(properties?: lattice.crdt.CausalContext.$Properties);
            $unknowns?: Uint8Array[];
            vector: lattice.crdt.VersionEntry.$Properties[];
            cloud: lattice.crdt.CloudEntry.$Properties[];
            static encode(message: lattice.crdt.CausalContext.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.crdt.CausalContext & lattice.crdt.CausalContext.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace CausalContext {
            interface $Properties {
                vector?: (lattice.crdt.VersionEntry.$Properties[]|null);
                cloud?: (lattice.crdt.CloudEntry.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.crdt.CausalContext.$Properties;
        }

        interface IVersionEntry extends lattice.crdt.VersionEntry.$Properties {
        }

        class VersionEntry {
            constructor(properties?: lattice.crdt.VersionEntry.$Properties);
            $unknowns?: Uint8Array[];
            replica: number;
            counter: number;
            static encode(message: lattice.crdt.VersionEntry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.crdt.VersionEntry & lattice.crdt.VersionEntry.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace VersionEntry {
            interface $Properties {
                replica?: (number|null);
                counter?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.crdt.VersionEntry.$Properties;
        }

        interface ICloudEntry extends lattice.crdt.CloudEntry.$Properties {
        }

        class CloudEntry {
            constructor(properties?: lattice.crdt.CloudEntry.$Properties);
            $unknowns?: Uint8Array[];
            replica: number;
            counters: number[];
            static encode(message: lattice.crdt.CloudEntry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.crdt.CloudEntry & lattice.crdt.CloudEntry.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace CloudEntry {
            interface $Properties {
                replica?: (number|null);
                counters?: (number[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.crdt.CloudEntry.$Properties;
        }

        interface IDot extends lattice.crdt.Dot.$Properties {
        }

        class Dot {
            constructor(properties?: lattice.crdt.Dot.$Properties);
            $unknowns?: Uint8Array[];
            replica: number;
            counter: number;
            static encode(message: lattice.crdt.Dot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.crdt.Dot & lattice.crdt.Dot.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace Dot {
            interface $Properties {
                replica?: (number|null);
                counter?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.crdt.Dot.$Properties;
        }

        interface IStore extends lattice.crdt.Store.$Properties {
        }

        class Store {
            constructor(properties?: lattice.crdt.Store.$Properties);
            $unknowns?: Uint8Array[];
            counter?: (lattice.crdt.CounterStore.$Properties|null);
            set?: (lattice.crdt.SetStore.$Properties|null);
            register?: (lattice.crdt.RegisterStore.$Properties|null);
            flag?: (lattice.crdt.FlagStore.$Properties|null);
            map?: (lattice.crdt.MapStore.$Properties|null);
            vote?: (lattice.crdt.VoteStore.$Properties|null);
            kind?: ("counter"|"set"|"register"|"flag"|"map"|"vote");
            static encode(message: lattice.crdt.Store.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.crdt.Store & lattice.crdt.Store.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace Store {
            interface $Properties {
                counter?: (lattice.crdt.CounterStore.$Properties|null);
                set?: (lattice.crdt.SetStore.$Properties|null);
                register?: (lattice.crdt.RegisterStore.$Properties|null);
                flag?: (lattice.crdt.FlagStore.$Properties|null);
                map?: (lattice.crdt.MapStore.$Properties|null);
                vote?: (lattice.crdt.VoteStore.$Properties|null);
                kind?: ("counter"|"set"|"register"|"flag"|"map"|"vote");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              counter?: lattice.crdt.CounterStore.$Shape|null;
              set?: lattice.crdt.SetStore.$Shape|null;
              register?: lattice.crdt.RegisterStore.$Shape|null;
              flag?: lattice.crdt.FlagStore.$Shape|null;
              map?: lattice.crdt.MapStore.$Shape|null;
              vote?: lattice.crdt.VoteStore.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ kind?: undefined; counter?: null; set?: null; register?: null; flag?: null; map?: null; vote?: null }|{ kind?: "counter"; counter: lattice.crdt.CounterStore.$Shape; set?: null; register?: null; flag?: null; map?: null; vote?: null }|{ kind?: "set"; counter?: null; set: lattice.crdt.SetStore.$Shape; register?: null; flag?: null; map?: null; vote?: null }|{ kind?: "register"; counter?: null; set?: null; register: lattice.crdt.RegisterStore.$Shape; flag?: null; map?: null; vote?: null }|{ kind?: "flag"; counter?: null; set?: null; register?: null; flag: lattice.crdt.FlagStore.$Shape; map?: null; vote?: null }|{ kind?: "map"; counter?: null; set?: null; register?: null; flag?: null; map: lattice.crdt.MapStore.$Shape; vote?: null }|{ kind?: "vote"; counter?: null; set?: null; register?: null; flag?: null; map?: null; vote: lattice.crdt.VoteStore.$Shape })
            );
        }

        interface ICounterStore extends lattice.crdt.CounterStore.$Properties {
        }

        class CounterStore {
            constructor(properties?: lattice.crdt.CounterStore.$Properties);
            $unknowns?: Uint8Array[];
            entries: lattice.crdt.CounterEntry.$Properties[];
            static encode(message: lattice.crdt.CounterStore.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.crdt.CounterStore & lattice.crdt.CounterStore.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace CounterStore {
            interface $Properties {
                entries?: (lattice.crdt.CounterEntry.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.crdt.CounterStore.$Properties;
        }

        interface ICounterEntry extends lattice.crdt.CounterEntry.$Properties {
        }

        class CounterEntry {
            constructor(properties?: lattice.crdt.CounterEntry.$Properties);
            $unknowns?: Uint8Array[];
            dot?: (lattice.crdt.Dot.$Properties|null);
            p: number;
            n: number;
            baseP: number;
            baseN: number;
            floor: boolean;
            target: number;
            static encode(message: lattice.crdt.CounterEntry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.crdt.CounterEntry & lattice.crdt.CounterEntry.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace CounterEntry {
            interface $Properties {
                dot?: (lattice.crdt.Dot.$Properties|null);
                p?: (number|null);
                n?: (number|null);
                baseP?: (number|null);
                baseN?: (number|null);
                floor?: (boolean|null);
                target?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.crdt.CounterEntry.$Properties;
        }

        interface ISetStore extends lattice.crdt.SetStore.$Properties {
        }

        class SetStore {
            constructor(properties?: lattice.crdt.SetStore.$Properties);
            $unknowns?: Uint8Array[];
            members: lattice.crdt.SetMember.$Properties[];
            static encode(message: lattice.crdt.SetStore.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.crdt.SetStore & lattice.crdt.SetStore.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace SetStore {
            interface $Properties {
                members?: (lattice.crdt.SetMember.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.crdt.SetStore.$Properties;
        }

        interface ISetMember extends lattice.crdt.SetMember.$Properties {
        }

        class SetMember {
            constructor(properties?: lattice.crdt.SetMember.$Properties);
            $unknowns?: Uint8Array[];
            value: string;
            dots: lattice.crdt.Dot.$Properties[];
            static encode(message: lattice.crdt.SetMember.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.crdt.SetMember & lattice.crdt.SetMember.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace SetMember {
            interface $Properties {
                value?: (string|null);
                dots?: (lattice.crdt.Dot.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.crdt.SetMember.$Properties;
        }

        interface IRegisterStore extends lattice.crdt.RegisterStore.$Properties {
        }

        class RegisterStore {
            constructor(properties?: lattice.crdt.RegisterStore.$Properties);
            $unknowns?: Uint8Array[];
            entries: lattice.crdt.RegisterEntry.$Properties[];
            static encode(message: lattice.crdt.RegisterStore.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.crdt.RegisterStore & lattice.crdt.RegisterStore.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace RegisterStore {
            interface $Properties {
                entries?: (lattice.crdt.RegisterEntry.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.crdt.RegisterStore.$Properties;
        }

        interface IRegisterEntry extends lattice.crdt.RegisterEntry.$Properties {
        }

        class RegisterEntry {
            constructor(properties?: lattice.crdt.RegisterEntry.$Properties);
            $unknowns?: Uint8Array[];
            dot?: (lattice.crdt.Dot.$Properties|null);
            value: string;
            clock: number;
            writer: number;
            static encode(message: lattice.crdt.RegisterEntry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.crdt.RegisterEntry & lattice.crdt.RegisterEntry.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace RegisterEntry {
            interface $Properties {
                dot?: (lattice.crdt.Dot.$Properties|null);
                value?: (string|null);
                clock?: (number|null);
                writer?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.crdt.RegisterEntry.$Properties;
        }

        interface IFlagStore extends lattice.crdt.FlagStore.$Properties {
        }

        class FlagStore {
            constructor(properties?: lattice.crdt.FlagStore.$Properties);
            $unknowns?: Uint8Array[];
            dots: lattice.crdt.Dot.$Properties[];
            static encode(message: lattice.crdt.FlagStore.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.crdt.FlagStore & lattice.crdt.FlagStore.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace FlagStore {
            interface $Properties {
                dots?: (lattice.crdt.Dot.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.crdt.FlagStore.$Properties;
        }

        interface IVoteStore extends lattice.crdt.VoteStore.$Properties {
        }

        class VoteStore {
            constructor(properties?: lattice.crdt.VoteStore.$Properties);
            $unknowns?: Uint8Array[];
            entries: lattice.crdt.VoteEntry.$Properties[];
            static encode(message: lattice.crdt.VoteStore.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.crdt.VoteStore & lattice.crdt.VoteStore.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace VoteStore {
            interface $Properties {
                entries?: (lattice.crdt.VoteEntry.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.crdt.VoteStore.$Properties;
        }

        interface IVoteEntry extends lattice.crdt.VoteEntry.$Properties {
        }

        class VoteEntry {
            constructor(properties?: lattice.crdt.VoteEntry.$Properties);
            $unknowns?: Uint8Array[];
            dot?: (lattice.crdt.Dot.$Properties|null);
            value: boolean;
            static encode(message: lattice.crdt.VoteEntry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.crdt.VoteEntry & lattice.crdt.VoteEntry.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace VoteEntry {
            interface $Properties {
                dot?: (lattice.crdt.Dot.$Properties|null);
                value?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.crdt.VoteEntry.$Properties;
        }

        interface IMapStore extends lattice.crdt.MapStore.$Properties {
        }

        class MapStore {
            constructor(properties?: lattice.crdt.MapStore.$Properties);
            $unknowns?: Uint8Array[];
            entries: lattice.crdt.MapEntry.$Properties[];
            static encode(message: lattice.crdt.MapStore.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.crdt.MapStore & lattice.crdt.MapStore.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace MapStore {
            interface $Properties {
                entries?: (lattice.crdt.MapEntry.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.crdt.MapStore.$Properties;
        }

        interface IMapEntry extends lattice.crdt.MapEntry.$Properties {
        }

        class MapEntry {
            constructor(properties?: lattice.crdt.MapEntry.$Properties);
            $unknowns?: Uint8Array[];
            key: string;
            type: lattice.crdt.CrdtType;
            presence: lattice.crdt.Dot.$Properties[];
            value: Uint8Array;
            static encode(message: lattice.crdt.MapEntry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.crdt.MapEntry & lattice.crdt.MapEntry.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace MapEntry {
            interface $Properties {
                key?: (string|null);
                type?: (lattice.crdt.CrdtType|null);
                presence?: (lattice.crdt.Dot.$Properties[]|null);
                value?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.crdt.MapEntry.$Properties;
        }
    }
}
