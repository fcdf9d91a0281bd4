import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace lattice {

    namespace client {

        interface IClientFrame extends lattice.client.ClientFrame.$Properties {
        }

        class ClientFrame {
            constructor(properties?: lattice.client.ClientFrame.$Properties);
            $unknowns?: Uint8Array[];
            id: number;
            call?: (lattice.client.Call.$Properties|null);
            subscribe?: (lattice.client.Subscribe.$Properties|null);
            stream?: (lattice.client.Stream.$Properties|null);
            cancel?: (lattice.client.Cancel.$Properties|null);
            op?: ("call"|"subscribe"|"stream"|"cancel");
            static encode(message: lattice.client.ClientFrame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.client.ClientFrame & lattice.client.ClientFrame.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClientFrame {
            interface $Properties {
                id?: (number|null);
                call?: (lattice.client.Call.$Properties|null);
                subscribe?: (lattice.client.Subscribe.$Properties|null);
                stream?: (lattice.client.Stream.$Properties|null);
                cancel?: (lattice.client.Cancel.$Properties|null);
                op?: ("call"|"subscribe"|"stream"|"cancel");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              id?: number|null;
              call?: lattice.client.Call.$Shape|null;
              subscribe?: lattice.client.Subscribe.$Shape|null;
              stream?: lattice.client.Stream.$Shape|null;
              cancel?: lattice.client.Cancel.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ op?: undefined; call?: null; subscribe?: null; stream?: null; cancel?: null }|{ op?: "call"; call: lattice.client.Call.$Shape; subscribe?: null; stream?: null; cancel?: null }|{ op?: "subscribe"; call?: null; subscribe: lattice.client.Subscribe.$Shape; stream?: null; cancel?: null }|{ op?: "stream"; call?: null; subscribe?: null; stream: lattice.client.Stream.$Shape; cancel?: null }|{ op?: "cancel"; call?: null; subscribe?: null; stream?: null; cancel: lattice.client.Cancel.$Shape })
            );
        }

        interface ICall extends lattice.client.Call.$Properties {
        }

        class Call {
            constructor(properties?: lattice.client.Call.$Properties);
            $unknowns?: Uint8Array[];
            service: string;
            key: string;
            command: string;
            inputJson: string;
            static encode(message: lattice.client.Call.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.client.Call & lattice.client.Call.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace Call {
            interface $Properties {
                service?: (string|null);
                key?: (string|null);
                command?: (string|null);
                inputJson?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.client.Call.$Properties;
        }

        interface ISubscribe extends lattice.client.Subscribe.$Properties {
        }

        class Subscribe {
            constructor(properties?: lattice.client.Subscribe.$Properties);
            $unknowns?: Uint8Array[];
            service: string;
            key: string;
            static encode(message: lattice.client.Subscribe.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.client.Subscribe & lattice.client.Subscribe.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace Subscribe {
            interface $Properties {
                service?: (string|null);
                key?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.client.Subscribe.$Properties;
        }

        interface IStream extends lattice.client.Stream.$Properties {
        }

        class Stream {
            constructor(properties?: lattice.client.Stream.$Properties);
            $unknowns?: Uint8Array[];
            service: string;
            key: string;
            stream: string;
            inputJson: string;
            static encode(message: lattice.client.Stream.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.client.Stream & lattice.client.Stream.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace Stream {
            interface $Properties {
                service?: (string|null);
                key?: (string|null);
                stream?: (string|null);
                inputJson?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.client.Stream.$Properties;
        }

        interface ICancel extends lattice.client.Cancel.$Properties {
        }

        class Cancel {
            constructor(properties?: lattice.client.Cancel.$Properties);
            $unknowns?: Uint8Array[];
            sub: number;
            static encode(message: lattice.client.Cancel.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.client.Cancel & lattice.client.Cancel.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace Cancel {
            interface $Properties {
                sub?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.client.Cancel.$Properties;
        }

        interface IServerFrame extends lattice.client.ServerFrame.$Properties {
        }

        class ServerFrame {
            constructor(properties?: lattice.client.ServerFrame.$Properties);
            $unknowns?: Uint8Array[];
            id: number;
            sub: number;
            result?: (lattice.client.Result.$Properties|null);
            error?: (lattice.client.ErrorInfo.$Properties|null);
            state?: (lattice.client.State.$Properties|null);
            message?: (lattice.client.StreamMessage.$Properties|null);
            end?: (lattice.client.End.$Properties|null);
            ok?: (lattice.client.Ok.$Properties|null);
            body?: ("result"|"error"|"state"|"message"|"end"|"ok");
            static encode(message: lattice.client.ServerFrame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.client.ServerFrame & lattice.client.ServerFrame.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace ServerFrame {
            interface $Properties {
                id?: (number|null);
                sub?: (number|null);
                result?: (lattice.client.Result.$Properties|null);
                error?: (lattice.client.ErrorInfo.$Properties|null);
                state?: (lattice.client.State.$Properties|null);
                message?: (lattice.client.StreamMessage.$Properties|null);
                end?: (lattice.client.End.$Properties|null);
                ok?: (lattice.client.Ok.$Properties|null);
                body?: ("result"|"error"|"state"|"message"|"end"|"ok");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              id?: number|null;
              sub?: number|null;
              result?: lattice.client.Result.$Shape|null;
              error?: lattice.client.ErrorInfo.$Shape|null;
              state?: lattice.client.State.$Shape|null;
              message?: lattice.client.StreamMessage.$Shape|null;
              end?: lattice.client.End.$Shape|null;
              ok?: lattice.client.Ok.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; result?: null; error?: null; state?: null; message?: null; end?: null; ok?: null }|{ body?: "result"; result: lattice.client.Result.$Shape; error?: null; state?: null; message?: null; end?: null; ok?: null }|{ body?: "error"; result?: null; error: lattice.client.ErrorInfo.$Shape; state?: null; message?: null; end?: null; ok?: null }|{ body?: "state"; result?: null; error?: null; state: lattice.client.State.$Shape; message?: null; end?: null; ok?: null }|{ body?: "message"; result?: null; error?: null; state?: null; message: lattice.client.StreamMessage.$Shape; end?: null; ok?: null }|{ body?: "end"; result?: null; error?: null; state?: null; message?: null; end: lattice.client.End.$Shape; ok?: null }|{ body?: "ok"; result?: null; error?: null; state?: null; message?: null; end?: null; ok: lattice.client.Ok.$Shape })
            );
        }

        interface IResult extends lattice.client.Result.$Properties {
        }

        class Result {
            constructor(properties?: lattice.client.Result.$Properties);
            $unknowns?: Uint8Array[];
            json: string;
            static encode(message: lattice.client.Result.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.client.Result & lattice.client.Result.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace Result {
            interface $Properties {
                json?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.client.Result.$Properties;
        }

        interface IErrorInfo extends lattice.client.ErrorInfo.$Properties {
        }

        class ErrorInfo {
            constructor(properties?: lattice.client.ErrorInfo.$Properties);
            $unknowns?: Uint8Array[];
            code: string;
            message: string;
            detailJson: string;
            static encode(message: lattice.client.ErrorInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.client.ErrorInfo & lattice.client.ErrorInfo.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace ErrorInfo {
            interface $Properties {
                code?: (string|null);
                message?: (string|null);
                detailJson?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.client.ErrorInfo.$Properties;
        }

        interface IState extends lattice.client.State.$Properties {
        }

        class State {
            constructor(properties?: lattice.client.State.$Properties);
            $unknowns?: Uint8Array[];
            stateJson: string;
            version: lattice.client.VersionEntry.$Properties[];
            static encode(message: lattice.client.State.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.client.State & lattice.client.State.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace State {
            interface $Properties {
                stateJson?: (string|null);
                version?: (lattice.client.VersionEntry.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.client.State.$Properties;
        }

        interface IVersionEntry extends lattice.client.VersionEntry.$Properties {
        }

        class VersionEntry {
            constructor(properties?: lattice.client.VersionEntry.$Properties);
            $unknowns?: Uint8Array[];
            replica: string;
            count: number;
            static encode(message: lattice.client.VersionEntry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.client.VersionEntry & lattice.client.VersionEntry.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace VersionEntry {
            interface $Properties {
                replica?: (string|null);
                count?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.client.VersionEntry.$Properties;
        }

        interface IStreamMessage extends lattice.client.StreamMessage.$Properties {
        }

        class StreamMessage {
            constructor(properties?: lattice.client.StreamMessage.$Properties);
            $unknowns?: Uint8Array[];
            json: string;
            static encode(message: lattice.client.StreamMessage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.client.StreamMessage & lattice.client.StreamMessage.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace StreamMessage {
            interface $Properties {
                json?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.client.StreamMessage.$Properties;
        }

        interface IEnd extends lattice.client.End.$Properties {
        }

        class End {
            constructor(properties?: lattice.client.End.$Properties);
            $unknowns?: Uint8Array[];
            messageJson: string;
            static encode(message: lattice.client.End.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.client.End & lattice.client.End.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace End {
            interface $Properties {
                messageJson?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.client.End.$Properties;
        }

        interface IOk extends lattice.client.Ok.$Properties {
        }

        class Ok {
            constructor(properties?: lattice.client.Ok.$Properties);
            $unknowns?: Uint8Array[];
            static encode(message: lattice.client.Ok.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): lattice.client.Ok & lattice.client.Ok.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace Ok {
            interface $Properties {
                $unknowns?: Uint8Array[];
            }
            type $Shape = lattice.client.Ok.$Properties;
        }
    }
}
