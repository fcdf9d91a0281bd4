/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["lattice-replica"] || ($protobuf.roots["lattice-replica"] = {});

export const lattice = $root.lattice = (() => {

    /**
     * Namespace lattice.
     * @exports lattice
     * @namespace
     */
    const lattice = {};

    lattice.replica = (function() {

        /**
         * Namespace replica.
         * @memberof lattice
         * @namespace
         */
        const replica = {};

        replica.Envelope = (function() {

            /**
             * Properties of an Envelope.
             * @typedef {Object} lattice.replica.Envelope.$Properties
             * @property {number|null} [protocolVersion] Envelope protocolVersion
             * @property {lattice.replica.Hello.$Properties|null} [hello] Envelope hello
             * @property {lattice.replica.AuthProof.$Properties|null} [authProof] Envelope authProof
             * @property {lattice.replica.AuthResult.$Properties|null} [authResult] Envelope authResult
             * @property {lattice.replica.Heartbeat.$Properties|null} [heartbeat] Envelope heartbeat
             * @property {lattice.replica.HeartbeatReply.$Properties|null} [heartbeatReply] Envelope heartbeatReply
             * @property {lattice.replica.Membership.$Properties|null} [membership] Envelope membership
             * @property {lattice.replica.DeltaBatch.$Properties|null} [deltaBatch] Envelope deltaBatch
             * @property {lattice.replica.Ack.$Properties|null} [ack] Envelope ack
             * @property {lattice.replica.DigestSummary.$Properties|null} [digestSummary] Envelope digestSummary
             * @property {lattice.replica.BucketDigests.$Properties|null} [bucketDigests] Envelope bucketDigests
             * @property {lattice.replica.EntityDigests.$Properties|null} [entityDigests] Envelope entityDigests
             * @property {lattice.replica.StateRequest.$Properties|null} [stateRequest] Envelope stateRequest
             * @property {lattice.replica.StateReply.$Properties|null} [stateReply] Envelope stateReply
             * @property {lattice.replica.YjsSync.$Properties|null} [yjsSync] Envelope yjsSync
             * @property {lattice.replica.YjsDiff.$Properties|null} [yjsDiff] Envelope yjsDiff
             * @property {lattice.replica.Awareness.$Properties|null} [awareness] Envelope awareness
             * @property {"hello"|"authProof"|"authResult"|"heartbeat"|"heartbeatReply"|"membership"|"deltaBatch"|"ack"|"digestSummary"|"bucketDigests"|"entityDigests"|"stateRequest"|"stateReply"|"yjsSync"|"yjsDiff"|"awareness"} [body] Envelope body
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Envelope.
             * @memberof lattice.replica
             * @interface IEnvelope
             * @augments lattice.replica.Envelope.$Properties
             * @deprecated Use lattice.replica.Envelope.$Properties instead.
             */

            /**
             * Narrowed shape of an Envelope.
             * @typedef {{
             *   protocolVersion?: number|null;
             *   hello?: lattice.replica.Hello.$Shape|null;
             *   authProof?: lattice.replica.AuthProof.$Shape|null;
             *   authResult?: lattice.replica.AuthResult.$Shape|null;
             *   heartbeat?: lattice.replica.Heartbeat.$Shape|null;
             *   heartbeatReply?: lattice.replica.HeartbeatReply.$Shape|null;
             *   membership?: lattice.replica.Membership.$Shape|null;
             *   deltaBatch?: lattice.replica.DeltaBatch.$Shape|null;
             *   ack?: lattice.replica.Ack.$Shape|null;
             *   digestSummary?: lattice.replica.DigestSummary.$Shape|null;
             *   bucketDigests?: lattice.replica.BucketDigests.$Shape|null;
             *   entityDigests?: lattice.replica.EntityDigests.$Shape|null;
             *   stateRequest?: lattice.replica.StateRequest.$Shape|null;
             *   stateReply?: lattice.replica.StateReply.$Shape|null;
             *   yjsSync?: lattice.replica.YjsSync.$Shape|null;
             *   yjsDiff?: lattice.replica.YjsDiff.$Shape|null;
             *   awareness?: lattice.replica.Awareness.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ body?: undefined; hello?: null; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "hello"; hello: lattice.replica.Hello.$Shape; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "authProof"; hello?: null; authProof: lattice.replica.AuthProof.$Shape; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "authResult"; hello?: null; authProof?: null; authResult: lattice.replica.AuthResult.$Shape; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "heartbeat"; hello?: null; authProof?: null; authResult?: null; heartbeat: lattice.replica.Heartbeat.$Shape; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "heartbeatReply"; hello?: null; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply: lattice.replica.HeartbeatReply.$Shape; membership?: null; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "membership"; hello?: null; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership: lattice.replica.Membership.$Shape; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "deltaBatch"; hello?: null; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch: lattice.replica.DeltaBatch.$Shape; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "ack"; hello?: null; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack: lattice.replica.Ack.$Shape; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "digestSummary"; hello?: null; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack?: null; digestSummary: lattice.replica.DigestSummary.$Shape; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "bucketDigests"; hello?: null; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests: lattice.replica.BucketDigests.$Shape; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "entityDigests"; hello?: null; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests: lattice.replica.EntityDigests.$Shape; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "stateRequest"; hello?: null; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest: lattice.replica.StateRequest.$Shape; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "stateReply"; hello?: null; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply: lattice.replica.StateReply.$Shape; yjsSync?: null; yjsDiff?: null; awareness?: null }|{ body?: "yjsSync"; hello?: null; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync: lattice.replica.YjsSync.$Shape; yjsDiff?: null; awareness?: null }|{ body?: "yjsDiff"; hello?: null; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff: lattice.replica.YjsDiff.$Shape; awareness?: null }|{ body?: "awareness"; hello?: null; authProof?: null; authResult?: null; heartbeat?: null; heartbeatReply?: null; membership?: null; deltaBatch?: null; ack?: null; digestSummary?: null; bucketDigests?: null; entityDigests?: null; stateRequest?: null; stateReply?: null; yjsSync?: null; yjsDiff?: null; awareness: lattice.replica.Awareness.$Shape })
             * )} lattice.replica.Envelope.$Shape
             */

            /**
             * Constructs a new Envelope.
             * @memberof lattice.replica
             * @classdesc Represents an Envelope.
             * @constructor
             * @param {lattice.replica.Envelope.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Envelope = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Envelope protocolVersion.
             * @member {number} protocolVersion
             * @memberof lattice.replica.Envelope
             * @instance
             */
            Envelope.prototype.protocolVersion = 0;

            /**
             * Envelope hello.
             * @member {lattice.replica.Hello.$Properties|null|undefined} hello
             * @memberof lattice.replica.Envelope
             * @instance
             */
            Envelope.prototype.hello = null;

            /**
             * Envelope authProof.
             * @member {lattice.replica.AuthProof.$Properties|null|undefined} authProof
             * @memberof lattice.replica.Envelope
             * @instance
             */
            Envelope.prototype.authProof = null;

            /**
             * Envelope authResult.
             * @member {lattice.replica.AuthResult.$Properties|null|undefined} authResult
             * @memberof lattice.replica.Envelope
             * @instance
             */
            Envelope.prototype.authResult = null;

            /**
             * Envelope heartbeat.
             * @member {lattice.replica.Heartbeat.$Properties|null|undefined} heartbeat
             * @memberof lattice.replica.Envelope
             * @instance
             */
            Envelope.prototype.heartbeat = null;

            /**
             * Envelope heartbeatReply.
             * @member {lattice.replica.HeartbeatReply.$Properties|null|undefined} heartbeatReply
             * @memberof lattice.replica.Envelope
             * @instance
             */
            Envelope.prototype.heartbeatReply = null;

            /**
             * Envelope membership.
             * @member {lattice.replica.Membership.$Properties|null|undefined} membership
             * @memberof lattice.replica.Envelope
             * @instance
             */
            Envelope.prototype.membership = null;

            /**
             * Envelope deltaBatch.
             * @member {lattice.replica.DeltaBatch.$Properties|null|undefined} deltaBatch
             * @memberof lattice.replica.Envelope
             * @instance
             */
            Envelope.prototype.deltaBatch = null;

            /**
             * Envelope ack.
             * @member {lattice.replica.Ack.$Properties|null|undefined} ack
             * @memberof lattice.replica.Envelope
             * @instance
             */
            Envelope.prototype.ack = null;

            /**
             * Envelope digestSummary.
             * @member {lattice.replica.DigestSummary.$Properties|null|undefined} digestSummary
             * @memberof lattice.replica.Envelope
             * @instance
             */
            Envelope.prototype.digestSummary = null;

            /**
             * Envelope bucketDigests.
             * @member {lattice.replica.BucketDigests.$Properties|null|undefined} bucketDigests
             * @memberof lattice.replica.Envelope
             * @instance
             */
            Envelope.prototype.bucketDigests = null;

            /**
             * Envelope entityDigests.
             * @member {lattice.replica.EntityDigests.$Properties|null|undefined} entityDigests
             * @memberof lattice.replica.Envelope
             * @instance
             */
            Envelope.prototype.entityDigests = null;

            /**
             * Envelope stateRequest.
             * @member {lattice.replica.StateRequest.$Properties|null|undefined} stateRequest
             * @memberof lattice.replica.Envelope
             * @instance
             */
            Envelope.prototype.stateRequest = null;

            /**
             * Envelope stateReply.
             * @member {lattice.replica.StateReply.$Properties|null|undefined} stateReply
             * @memberof lattice.replica.Envelope
             * @instance
             */
            Envelope.prototype.stateReply = null;

            /**
             * Envelope yjsSync.
             * @member {lattice.replica.YjsSync.$Properties|null|undefined} yjsSync
             * @memberof lattice.replica.Envelope
             * @instance
             */
            Envelope.prototype.yjsSync = null;

            /**
             * Envelope yjsDiff.
             * @member {lattice.replica.YjsDiff.$Properties|null|undefined} yjsDiff
             * @memberof lattice.replica.Envelope
             * @instance
             */
            Envelope.prototype.yjsDiff = null;

            /**
             * Envelope awareness.
             * @member {lattice.replica.Awareness.$Properties|null|undefined} awareness
             * @memberof lattice.replica.Envelope
             * @instance
             */
            Envelope.prototype.awareness = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Envelope body.
             * @member {"hello"|"authProof"|"authResult"|"heartbeat"|"heartbeatReply"|"membership"|"deltaBatch"|"ack"|"digestSummary"|"bucketDigests"|"entityDigests"|"stateRequest"|"stateReply"|"yjsSync"|"yjsDiff"|"awareness"|undefined} body
             * @memberof lattice.replica.Envelope
             * @instance
             */
            $Object.defineProperty(Envelope.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["hello", "authProof", "authResult", "heartbeat", "heartbeatReply", "membership", "deltaBatch", "ack", "digestSummary", "bucketDigests", "entityDigests", "stateRequest", "stateReply", "yjsSync", "yjsDiff", "awareness"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link lattice.replica.Envelope.verify|verify} messages.
             * @function encode
             * @memberof lattice.replica.Envelope
             * @static
             * @param {lattice.replica.Envelope.$Properties} message Envelope message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Envelope.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
                if (message.hello != null && $Object.hasOwnProperty.call(message, "hello"))
                    $root.lattice.replica.Hello.encode(message.hello, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.authProof != null && $Object.hasOwnProperty.call(message, "authProof"))
                    $root.lattice.replica.AuthProof.encode(message.authProof, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.authResult != null && $Object.hasOwnProperty.call(message, "authResult"))
                    $root.lattice.replica.AuthResult.encode(message.authResult, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.heartbeat != null && $Object.hasOwnProperty.call(message, "heartbeat"))
                    $root.lattice.replica.Heartbeat.encode(message.heartbeat, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.heartbeatReply != null && $Object.hasOwnProperty.call(message, "heartbeatReply"))
                    $root.lattice.replica.HeartbeatReply.encode(message.heartbeatReply, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.membership != null && $Object.hasOwnProperty.call(message, "membership"))
                    $root.lattice.replica.Membership.encode(message.membership, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                if (message.deltaBatch != null && $Object.hasOwnProperty.call(message, "deltaBatch"))
                    $root.lattice.replica.DeltaBatch.encode(message.deltaBatch, writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
                if (message.ack != null && $Object.hasOwnProperty.call(message, "ack"))
                    $root.lattice.replica.Ack.encode(message.ack, writer.uint32(/* id 9, wireType 2 =*/74).fork(), _depth + 1).ldelim();
                if (message.digestSummary != null && $Object.hasOwnProperty.call(message, "digestSummary"))
                    $root.lattice.replica.DigestSummary.encode(message.digestSummary, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                if (message.bucketDigests != null && $Object.hasOwnProperty.call(message, "bucketDigests"))
                    $root.lattice.replica.BucketDigests.encode(message.bucketDigests, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
                if (message.entityDigests != null && $Object.hasOwnProperty.call(message, "entityDigests"))
                    $root.lattice.replica.EntityDigests.encode(message.entityDigests, writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
                if (message.stateRequest != null && $Object.hasOwnProperty.call(message, "stateRequest"))
                    $root.lattice.replica.StateRequest.encode(message.stateRequest, writer.uint32(/* id 13, wireType 2 =*/106).fork(), _depth + 1).ldelim();
                if (message.stateReply != null && $Object.hasOwnProperty.call(message, "stateReply"))
                    $root.lattice.replica.StateReply.encode(message.stateReply, writer.uint32(/* id 14, wireType 2 =*/114).fork(), _depth + 1).ldelim();
                if (message.yjsSync != null && $Object.hasOwnProperty.call(message, "yjsSync"))
                    $root.lattice.replica.YjsSync.encode(message.yjsSync, writer.uint32(/* id 15, wireType 2 =*/122).fork(), _depth + 1).ldelim();
                if (message.yjsDiff != null && $Object.hasOwnProperty.call(message, "yjsDiff"))
                    $root.lattice.replica.YjsDiff.encode(message.yjsDiff, writer.uint32(/* id 16, wireType 2 =*/130).fork(), _depth + 1).ldelim();
                if (message.awareness != null && $Object.hasOwnProperty.call(message, "awareness"))
                    $root.lattice.replica.Awareness.encode(message.awareness, writer.uint32(/* id 17, wireType 2 =*/138).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.replica.Envelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.replica.Envelope & lattice.replica.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Envelope.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lattice.replica.Envelope();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.hello = $root.lattice.replica.Hello.decode(reader, reader.size(), $undefined, _depth + 1, message.hello);
                            message.body = "hello";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.authProof = $root.lattice.replica.AuthProof.decode(reader, reader.size(), $undefined, _depth + 1, message.authProof);
                            message.body = "authProof";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.authResult = $root.lattice.replica.AuthResult.decode(reader, reader.size(), $undefined, _depth + 1, message.authResult);
                            message.body = "authResult";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.heartbeat = $root.lattice.replica.Heartbeat.decode(reader, reader.size(), $undefined, _depth + 1, message.heartbeat);
                            message.body = "heartbeat";
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.heartbeatReply = $root.lattice.replica.HeartbeatReply.decode(reader, reader.size(), $undefined, _depth + 1, message.heartbeatReply);
                            message.body = "heartbeatReply";
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.membership = $root.lattice.replica.Membership.decode(reader, reader.size(), $undefined, _depth + 1, message.membership);
                            message.body = "membership";
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            message.deltaBatch = $root.lattice.replica.DeltaBatch.decode(reader, reader.size(), $undefined, _depth + 1, message.deltaBatch);
                            message.body = "deltaBatch";
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            message.ack = $root.lattice.replica.Ack.decode(reader, reader.size(), $undefined, _depth + 1, message.ack);
                            message.body = "ack";
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.digestSummary = $root.lattice.replica.DigestSummary.decode(reader, reader.size(), $undefined, _depth + 1, message.digestSummary);
                            message.body = "digestSummary";
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.bucketDigests = $root.lattice.replica.BucketDigests.decode(reader, reader.size(), $undefined, _depth + 1, message.bucketDigests);
                            message.body = "bucketDigests";
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            message.entityDigests = $root.lattice.replica.EntityDigests.decode(reader, reader.size(), $undefined, _depth + 1, message.entityDigests);
                            message.body = "entityDigests";
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            message.stateRequest = $root.lattice.replica.StateRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.stateRequest);
                            message.body = "stateRequest";
                            continue;
                        }
                    case 14: {
                            if (wireType !== 2)
                                break;
                            message.stateReply = $root.lattice.replica.StateReply.decode(reader, reader.size(), $undefined, _depth + 1, message.stateReply);
                            message.body = "stateReply";
                            continue;
                        }
                    case 15: {
                            if (wireType !== 2)
                                break;
                            message.yjsSync = $root.lattice.replica.YjsSync.decode(reader, reader.size(), $undefined, _depth + 1, message.yjsSync);
                            message.body = "yjsSync";
                            continue;
                        }
                    case 16: {
                            if (wireType !== 2)
                                break;
                            message.yjsDiff = $root.lattice.replica.YjsDiff.decode(reader, reader.size(), $undefined, _depth + 1, message.yjsDiff);
                            message.body = "yjsDiff";
                            continue;
                        }
                    case 17: {
                            if (wireType !== 2)
                                break;
                            message.awareness = $root.lattice.replica.Awareness.decode(reader, reader.size(), $undefined, _depth + 1, message.awareness);
                            message.body = "awareness";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for Envelope
             * @function getTypeUrl
             * @memberof lattice.replica.Envelope
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Envelope.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.replica.Envelope";
            };

            return Envelope;
        })();

        replica.Hello = (function() {

            /**
             * Properties of a Hello.
             * @typedef {Object} lattice.replica.Hello.$Properties
             * @property {string|null} [replicaId] Hello replicaId
             * @property {string|null} [region] Hello region
             * @property {string|null} [advertiseUrl] Hello advertiseUrl
             * @property {Array.<number>|null} [protocolVersions] Hello protocolVersions
             * @property {Uint8Array|null} [nonce] Hello nonce
             * @property {Array.<string>|null} [features] Hello features
             * @property {number|null} [timeMs] Hello timeMs
             * @property {lattice.replica.Role|null} [role] Hello role
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Hello.
             * @memberof lattice.replica
             * @interface IHello
             * @augments lattice.replica.Hello.$Properties
             * @deprecated Use lattice.replica.Hello.$Properties instead.
             */

            /**
             * Shape of a Hello.
             * @typedef {lattice.replica.Hello.$Properties} lattice.replica.Hello.$Shape
             */

            /**
             * Constructs a new Hello.
             * @memberof lattice.replica
             * @classdesc Represents a Hello.
             * @constructor
             * @param {lattice.replica.Hello.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Hello = function (properties) {
                this.protocolVersions = [];
                this.features = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Hello replicaId.
             * @member {string} replicaId
             * @memberof lattice.replica.Hello
             * @instance
             */
            Hello.prototype.replicaId = "";

            /**
             * Hello region.
             * @member {string} region
             * @memberof lattice.replica.Hello
             * @instance
             */
            Hello.prototype.region = "";

            /**
             * Hello advertiseUrl.
             * @member {string} advertiseUrl
             * @memberof lattice.replica.Hello
             * @instance
             */
            Hello.prototype.advertiseUrl = "";

            /**
             * Hello protocolVersions.
             * @member {Array.<number>} protocolVersions
             * @memberof lattice.replica.Hello
             * @instance
             */
            Hello.prototype.protocolVersions = $util.emptyArray;

            /**
             * Hello nonce.
             * @member {Uint8Array} nonce
             * @memberof lattice.replica.Hello
             * @instance
             */
            Hello.prototype.nonce = $util.newBuffer([]);

            /**
             * Hello features.
             * @member {Array.<string>} features
             * @memberof lattice.replica.Hello
             * @instance
             */
            Hello.prototype.features = $util.emptyArray;

            /**
             * Hello timeMs.
             * @member {number} timeMs
             * @memberof lattice.replica.Hello
             * @instance
             */
            Hello.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Hello role.
             * @member {lattice.replica.Role} role
             * @memberof lattice.replica.Hello
             * @instance
             */
            Hello.prototype.role = 0;

            /**
             * Encodes the specified Hello message. Does not implicitly {@link lattice.replica.Hello.verify|verify} messages.
             * @function encode
             * @memberof lattice.replica.Hello
             * @static
             * @param {lattice.replica.Hello.$Properties} message Hello message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Hello.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.replicaId != null && $Object.hasOwnProperty.call(message, "replicaId") && message.replicaId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.replicaId);
                if (message.region != null && $Object.hasOwnProperty.call(message, "region") && message.region !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.region);
                if (message.advertiseUrl != null && $Object.hasOwnProperty.call(message, "advertiseUrl") && message.advertiseUrl !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.advertiseUrl);
                if (message.protocolVersions != null && message.protocolVersions.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).uint32s(message.protocolVersions);
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce") && message.nonce.length)
                    writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.nonce);
                if (message.features != null && message.features.length)
                    for (let i = 0; i < message.features.length; ++i)
                        writer.uint32(/* id 6, wireType 2 =*/50).string(message.features[i]);
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && (typeof message.timeMs === "object" ? message.timeMs.low || message.timeMs.high : message.timeMs !== 0))
                    writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.timeMs);
                if (message.role != null && $Object.hasOwnProperty.call(message, "role") && message.role !== 0)
                    writer.uint32(/* id 8, wireType 0 =*/64).int32(message.role);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Hello message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.replica.Hello
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.replica.Hello & lattice.replica.Hello.$Shape} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Hello.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lattice.replica.Hello();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.replicaId = value;
                            else
                                delete message.replicaId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.region = value;
                            else
                                delete message.region;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.advertiseUrl = value;
                            else
                                delete message.advertiseUrl;
                            continue;
                        }
                    case 4: {
                            if (wireType === 2) {
                                if (!(message.protocolVersions && message.protocolVersions.length))
                                    message.protocolVersions = [];
                                reader.uint32s(message.protocolVersions);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.protocolVersions && message.protocolVersions.length))
                                message.protocolVersions = [];
                            message.protocolVersions.push(reader.uint32());
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.nonce = value;
                            else
                                delete message.nonce;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if (!(message.features && message.features.length))
                                message.features = [];
                            message.features.push(reader.stringVerify());
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.role = value;
                            else
                                delete message.role;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for Hello
             * @function getTypeUrl
             * @memberof lattice.replica.Hello
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Hello.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.replica.Hello";
            };

            return Hello;
        })();

        /**
         * Role enum.
         * @name lattice.replica.Role
         * @enum {number}
         * @property {number} ROLE_UNSPECIFIED=0 ROLE_UNSPECIFIED value
         * @property {number} DIALER=1 DIALER value
         * @property {number} LISTENER=2 LISTENER value
         */
        replica.Role = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "ROLE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "DIALER"] = 1;
            values[valuesById[2] = "LISTENER"] = 2;
            return values;
        })();

        replica.AuthProof = (function() {

            /**
             * Properties of an AuthProof.
             * @typedef {Object} lattice.replica.AuthProof.$Properties
             * @property {Uint8Array|null} [mac] AuthProof mac
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AuthProof.
             * @memberof lattice.replica
             * @interface IAuthProof
             * @augments lattice.replica.AuthProof.$Properties
             * @deprecated Use lattice.replica.AuthProof.$Properties instead.
             */

            /**
             * Shape of an AuthProof.
             * @typedef {lattice.replica.AuthProof.$Properties} lattice.replica.AuthProof.$Shape
             */

            /**
             * Constructs a new AuthProof.
             * @memberof lattice.replica
             * @classdesc Represents an AuthProof.
             * @constructor
             * @param {lattice.replica.AuthProof.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AuthProof = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AuthProof mac.
             * @member {Uint8Array} mac
             * @memberof lattice.replica.AuthProof
             * @instance
             */
            AuthProof.prototype.mac = $util.newBuffer([]);

            /**
             * Encodes the specified AuthProof message. Does not implicitly {@link lattice.replica.AuthProof.verify|verify} messages.
             * @function encode
             * @memberof lattice.replica.AuthProof
             * @static
             * @param {lattice.replica.AuthProof.$Properties} message AuthProof message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AuthProof.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.mac != null && $Object.hasOwnProperty.call(message, "mac") && message.mac.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.mac);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an AuthProof message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.replica.AuthProof
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.replica.AuthProof & lattice.replica.AuthProof.$Shape} AuthProof
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AuthProof.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lattice.replica.AuthProof();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.mac = value;
                            else
                                delete message.mac;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for AuthProof
             * @function getTypeUrl
             * @memberof lattice.replica.AuthProof
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AuthProof.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.replica.AuthProof";
            };

            return AuthProof;
        })();

        replica.AuthResult = (function() {

            /**
             * Properties of an AuthResult.
             * @typedef {Object} lattice.replica.AuthResult.$Properties
             * @property {boolean|null} [ok] AuthResult ok
             * @property {lattice.replica.RefusalReason|null} [reason] AuthResult reason
             * @property {string|null} [message] AuthResult message
             * @property {Array.<number>|null} [protocolVersions] AuthResult protocolVersions
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AuthResult.
             * @memberof lattice.replica
             * @interface IAuthResult
             * @augments lattice.replica.AuthResult.$Properties
             * @deprecated Use lattice.replica.AuthResult.$Properties instead.
             */

            /**
             * Shape of an AuthResult.
             * @typedef {lattice.replica.AuthResult.$Properties} lattice.replica.AuthResult.$Shape
             */

            /**
             * Constructs a new AuthResult.
             * @memberof lattice.replica
             * @classdesc Represents an AuthResult.
             * @constructor
             * @param {lattice.replica.AuthResult.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AuthResult = function (properties) {
                this.protocolVersions = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AuthResult ok.
             * @member {boolean} ok
             * @memberof lattice.replica.AuthResult
             * @instance
             */
            AuthResult.prototype.ok = false;

            /**
             * AuthResult reason.
             * @member {lattice.replica.RefusalReason} reason
             * @memberof lattice.replica.AuthResult
             * @instance
             */
            AuthResult.prototype.reason = 0;

            /**
             * AuthResult message.
             * @member {string} message
             * @memberof lattice.replica.AuthResult
             * @instance
             */
            AuthResult.prototype.message = "";

            /**
             * AuthResult protocolVersions.
             * @member {Array.<number>} protocolVersions
             * @memberof lattice.replica.AuthResult
             * @instance
             */
            AuthResult.prototype.protocolVersions = $util.emptyArray;

            /**
             * Encodes the specified AuthResult message. Does not implicitly {@link lattice.replica.AuthResult.verify|verify} messages.
             * @function encode
             * @memberof lattice.replica.AuthResult
             * @static
             * @param {lattice.replica.AuthResult.$Properties} message AuthResult message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AuthResult.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.ok != null && $Object.hasOwnProperty.call(message, "ok") && message.ok !== false)
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.ok);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.reason);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.message);
                if (message.protocolVersions != null && message.protocolVersions.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).uint32s(message.protocolVersions);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an AuthResult message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.replica.AuthResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.replica.AuthResult & lattice.replica.AuthResult.$Shape} AuthResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AuthResult.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lattice.replica.AuthResult();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.ok = value;
                            else
                                delete message.ok;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    case 4: {
                            if (wireType === 2) {
                                if (!(message.protocolVersions && message.protocolVersions.length))
                                    message.protocolVersions = [];
                                reader.uint32s(message.protocolVersions);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.protocolVersions && message.protocolVersions.length))
                                message.protocolVersions = [];
                            message.protocolVersions.push(reader.uint32());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for AuthResult
             * @function getTypeUrl
             * @memberof lattice.replica.AuthResult
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AuthResult.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.replica.AuthResult";
            };

            return AuthResult;
        })();

        /**
         * RefusalReason enum.
         * @name lattice.replica.RefusalReason
         * @enum {number}
         * @property {number} REFUSAL_REASON_UNSPECIFIED=0 REFUSAL_REASON_UNSPECIFIED value
         * @property {number} BAD_PROOF=1 BAD_PROOF value
         * @property {number} VERSION_MISMATCH=2 VERSION_MISMATCH value
         * @property {number} SAME_REPLICA_ID=3 SAME_REPLICA_ID value
         * @property {number} DUPLICATE_SESSION=4 DUPLICATE_SESSION value
         * @property {number} MALFORMED=5 MALFORMED value
         * @property {number} TIMEOUT=6 TIMEOUT value
         * @property {number} UNAVAILABLE=7 UNAVAILABLE value
         */
        replica.RefusalReason = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "REFUSAL_REASON_UNSPECIFIED"] = 0;
            values[valuesById[1] = "BAD_PROOF"] = 1;
            values[valuesById[2] = "VERSION_MISMATCH"] = 2;
            values[valuesById[3] = "SAME_REPLICA_ID"] = 3;
            values[valuesById[4] = "DUPLICATE_SESSION"] = 4;
            values[valuesById[5] = "MALFORMED"] = 5;
            values[valuesById[6] = "TIMEOUT"] = 6;
            values[valuesById[7] = "UNAVAILABLE"] = 7;
            return values;
        })();

        replica.Heartbeat = (function() {

            /**
             * Properties of a Heartbeat.
             * @typedef {Object} lattice.replica.Heartbeat.$Properties
             * @property {number|null} [timeMs] Heartbeat timeMs
             * @property {number|null} [seq] Heartbeat seq
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Heartbeat.
             * @memberof lattice.replica
             * @interface IHeartbeat
             * @augments lattice.replica.Heartbeat.$Properties
             * @deprecated Use lattice.replica.Heartbeat.$Properties instead.
             */

            /**
             * Shape of a Heartbeat.
             * @typedef {lattice.replica.Heartbeat.$Properties} lattice.replica.Heartbeat.$Shape
             */

            /**
             * Constructs a new Heartbeat.
             * @memberof lattice.replica
             * @classdesc Represents a Heartbeat.
             * @constructor
             * @param {lattice.replica.Heartbeat.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Heartbeat = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Heartbeat timeMs.
             * @member {number} timeMs
             * @memberof lattice.replica.Heartbeat
             * @instance
             */
            Heartbeat.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Heartbeat seq.
             * @member {number} seq
             * @memberof lattice.replica.Heartbeat
             * @instance
             */
            Heartbeat.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Encodes the specified Heartbeat message. Does not implicitly {@link lattice.replica.Heartbeat.verify|verify} messages.
             * @function encode
             * @memberof lattice.replica.Heartbeat
             * @static
             * @param {lattice.replica.Heartbeat.$Properties} message Heartbeat message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Heartbeat.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && (typeof message.timeMs === "object" ? message.timeMs.low || message.timeMs.high : message.timeMs !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.timeMs);
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.seq);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Heartbeat message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.replica.Heartbeat
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.replica.Heartbeat & lattice.replica.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Heartbeat.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lattice.replica.Heartbeat();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for Heartbeat
             * @function getTypeUrl
             * @memberof lattice.replica.Heartbeat
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Heartbeat.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.replica.Heartbeat";
            };

            return Heartbeat;
        })();

        replica.HeartbeatReply = (function() {

            /**
             * Properties of a HeartbeatReply.
             * @typedef {Object} lattice.replica.HeartbeatReply.$Properties
             * @property {number|null} [echoTimeMs] HeartbeatReply echoTimeMs
             * @property {number|null} [seq] HeartbeatReply seq
             * @property {number|null} [timeMs] HeartbeatReply timeMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HeartbeatReply.
             * @memberof lattice.replica
             * @interface IHeartbeatReply
             * @augments lattice.replica.HeartbeatReply.$Properties
             * @deprecated Use lattice.replica.HeartbeatReply.$Properties instead.
             */

            /**
             * Shape of a HeartbeatReply.
             * @typedef {lattice.replica.HeartbeatReply.$Properties} lattice.replica.HeartbeatReply.$Shape
             */

            /**
             * Constructs a new HeartbeatReply.
             * @memberof lattice.replica
             * @classdesc Represents a HeartbeatReply.
             * @constructor
             * @param {lattice.replica.HeartbeatReply.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HeartbeatReply = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * HeartbeatReply echoTimeMs.
             * @member {number} echoTimeMs
             * @memberof lattice.replica.HeartbeatReply
             * @instance
             */
            HeartbeatReply.prototype.echoTimeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * HeartbeatReply seq.
             * @member {number} seq
             * @memberof lattice.replica.HeartbeatReply
             * @instance
             */
            HeartbeatReply.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * HeartbeatReply timeMs.
             * @member {number} timeMs
             * @memberof lattice.replica.HeartbeatReply
             * @instance
             */
            HeartbeatReply.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Encodes the specified HeartbeatReply message. Does not implicitly {@link lattice.replica.HeartbeatReply.verify|verify} messages.
             * @function encode
             * @memberof lattice.replica.HeartbeatReply
             * @static
             * @param {lattice.replica.HeartbeatReply.$Properties} message HeartbeatReply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HeartbeatReply.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.echoTimeMs != null && $Object.hasOwnProperty.call(message, "echoTimeMs") && (typeof message.echoTimeMs === "object" ? message.echoTimeMs.low || message.echoTimeMs.high : message.echoTimeMs !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.echoTimeMs);
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.seq);
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && (typeof message.timeMs === "object" ? message.timeMs.low || message.timeMs.high : message.timeMs !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.timeMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a HeartbeatReply message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.replica.HeartbeatReply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.replica.HeartbeatReply & lattice.replica.HeartbeatReply.$Shape} HeartbeatReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HeartbeatReply.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lattice.replica.HeartbeatReply();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.echoTimeMs = value;
                            else
                                delete message.echoTimeMs;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for HeartbeatReply
             * @function getTypeUrl
             * @memberof lattice.replica.HeartbeatReply
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            HeartbeatReply.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.replica.HeartbeatReply";
            };

            return HeartbeatReply;
        })();

        replica.Membership = (function() {

            /**
             * Properties of a Membership.
             * @typedef {Object} lattice.replica.Membership.$Properties
             * @property {Array.<lattice.replica.Member.$Properties>|null} [members] Membership members
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Membership.
             * @memberof lattice.replica
             * @interface IMembership
             * @augments lattice.replica.Membership.$Properties
             * @deprecated Use lattice.replica.Membership.$Properties instead.
             */

            /**
             * Shape of a Membership.
             * @typedef {lattice.replica.Membership.$Properties} lattice.replica.Membership.$Shape
             */

            /**
             * Constructs a new Membership.
             * @memberof lattice.replica
             * @classdesc Represents a Membership.
             * @constructor
             * @param {lattice.replica.Membership.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Membership = function (properties) {
                this.members = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Membership members.
             * @member {Array.<lattice.replica.Member.$Properties>} members
             * @memberof lattice.replica.Membership
             * @instance
             */
            Membership.prototype.members = $util.emptyArray;

            /**
             * Encodes the specified Membership message. Does not implicitly {@link lattice.replica.Membership.verify|verify} messages.
             * @function encode
             * @memberof lattice.replica.Membership
             * @static
             * @param {lattice.replica.Membership.$Properties} message Membership message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Membership.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.members != null && message.members.length)
                    for (let i = 0; i < message.members.length; ++i)
                        $root.lattice.replica.Member.encode(message.members[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Membership message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.replica.Membership
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.replica.Membership & lattice.replica.Membership.$Shape} Membership
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Membership.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lattice.replica.Membership();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.members && message.members.length))
                                message.members = [];
                            message.members.push($root.lattice.replica.Member.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for Membership
             * @function getTypeUrl
             * @memberof lattice.replica.Membership
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Membership.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.replica.Membership";
            };

            return Membership;
        })();

        replica.Member = (function() {

            /**
             * Properties of a Member.
             * @typedef {Object} lattice.replica.Member.$Properties
             * @property {string|null} [replicaId] Member replicaId
             * @property {string|null} [region] Member region
             * @property {string|null} [url] Member url
             * @property {boolean|null} [connected] Member connected
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Member.
             * @memberof lattice.replica
             * @interface IMember
             * @augments lattice.replica.Member.$Properties
             * @deprecated Use lattice.replica.Member.$Properties instead.
             */

            /**
             * Shape of a Member.
             * @typedef {lattice.replica.Member.$Properties} lattice.replica.Member.$Shape
             */

            /**
             * Constructs a new Member.
             * @memberof lattice.replica
             * @classdesc Represents a Member.
             * @constructor
             * @param {lattice.replica.Member.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Member = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Member replicaId.
             * @member {string} replicaId
             * @memberof lattice.replica.Member
             * @instance
             */
            Member.prototype.replicaId = "";

            /**
             * Member region.
             * @member {string} region
             * @memberof lattice.replica.Member
             * @instance
             */
            Member.prototype.region = "";

            /**
             * Member url.
             * @member {string} url
             * @memberof lattice.replica.Member
             * @instance
             */
            Member.prototype.url = "";

            /**
             * Member connected.
             * @member {boolean} connected
             * @memberof lattice.replica.Member
             * @instance
             */
            Member.prototype.connected = false;

            /**
             * Encodes the specified Member message. Does not implicitly {@link lattice.replica.Member.verify|verify} messages.
             * @function encode
             * @memberof lattice.replica.Member
             * @static
             * @param {lattice.replica.Member.$Properties} message Member message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Member.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.replicaId != null && $Object.hasOwnProperty.call(message, "replicaId") && message.replicaId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.replicaId);
                if (message.region != null && $Object.hasOwnProperty.call(message, "region") && message.region !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.region);
                if (message.url != null && $Object.hasOwnProperty.call(message, "url") && message.url !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.url);
                if (message.connected != null && $Object.hasOwnProperty.call(message, "connected") && message.connected !== false)
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.connected);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Member message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.replica.Member
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.replica.Member & lattice.replica.Member.$Shape} Member
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Member.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lattice.replica.Member();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.replicaId = value;
                            else
                                delete message.replicaId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.region = value;
                            else
                                delete message.region;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.url = value;
                            else
                                delete message.url;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.connected = value;
                            else
                                delete message.connected;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for Member
             * @function getTypeUrl
             * @memberof lattice.replica.Member
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Member.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.replica.Member";
            };

            return Member;
        })();

        replica.DeltaBatch = (function() {

            /**
             * Properties of a DeltaBatch.
             * @typedef {Object} lattice.replica.DeltaBatch.$Properties
             * @property {number|null} [batchSeq] DeltaBatch batchSeq
             * @property {Array.<lattice.replica.Delta.$Properties>|null} [deltas] DeltaBatch deltas
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DeltaBatch.
             * @memberof lattice.replica
             * @interface IDeltaBatch
             * @augments lattice.replica.DeltaBatch.$Properties
             * @deprecated Use lattice.replica.DeltaBatch.$Properties instead.
             */

            /**
             * Shape of a DeltaBatch.
             * @typedef {lattice.replica.DeltaBatch.$Properties} lattice.replica.DeltaBatch.$Shape
             */

            /**
             * Constructs a new DeltaBatch.
             * @memberof lattice.replica
             * @classdesc Represents a DeltaBatch.
             * @constructor
             * @param {lattice.replica.DeltaBatch.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DeltaBatch = function (properties) {
                this.deltas = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DeltaBatch batchSeq.
             * @member {number} batchSeq
             * @memberof lattice.replica.DeltaBatch
             * @instance
             */
            DeltaBatch.prototype.batchSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * DeltaBatch deltas.
             * @member {Array.<lattice.replica.Delta.$Properties>} deltas
             * @memberof lattice.replica.DeltaBatch
             * @instance
             */
            DeltaBatch.prototype.deltas = $util.emptyArray;

            /**
             * Encodes the specified DeltaBatch message. Does not implicitly {@link lattice.replica.DeltaBatch.verify|verify} messages.
             * @function encode
             * @memberof lattice.replica.DeltaBatch
             * @static
             * @param {lattice.replica.DeltaBatch.$Properties} message DeltaBatch message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeltaBatch.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.batchSeq != null && $Object.hasOwnProperty.call(message, "batchSeq") && (typeof message.batchSeq === "object" ? message.batchSeq.low || message.batchSeq.high : message.batchSeq !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.batchSeq);
                if (message.deltas != null && message.deltas.length)
                    for (let i = 0; i < message.deltas.length; ++i)
                        $root.lattice.replica.Delta.encode(message.deltas[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a DeltaBatch message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.replica.DeltaBatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.replica.DeltaBatch & lattice.replica.DeltaBatch.$Shape} DeltaBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeltaBatch.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lattice.replica.DeltaBatch();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.batchSeq = value;
                            else
                                delete message.batchSeq;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.deltas && message.deltas.length))
                                message.deltas = [];
                            message.deltas.push($root.lattice.replica.Delta.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for DeltaBatch
             * @function getTypeUrl
             * @memberof lattice.replica.DeltaBatch
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DeltaBatch.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.replica.DeltaBatch";
            };

            return DeltaBatch;
        })();

        replica.Delta = (function() {

            /**
             * Properties of a Delta.
             * @typedef {Object} lattice.replica.Delta.$Properties
             * @property {string|null} [service] Delta service
             * @property {string|null} [key] Delta key
             * @property {string|null} [origin] Delta origin
             * @property {number|null} [seq] Delta seq
             * @property {number|null} [firstSeq] Delta firstSeq
             * @property {number|null} [originTimeMs] Delta originTimeMs
             * @property {Uint8Array|null} [delta] Delta delta
             * @property {boolean|null} [deleted] Delta deleted
             * @property {Array.<lattice.replica.VersionEntry.$Properties>|null} [version] Delta version
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Delta.
             * @memberof lattice.replica
             * @interface IDelta
             * @augments lattice.replica.Delta.$Properties
             * @deprecated Use lattice.replica.Delta.$Properties instead.
             */

            /**
             * Shape of a Delta.
             * @typedef {lattice.replica.Delta.$Properties} lattice.replica.Delta.$Shape
             */

            /**
             * Constructs a new Delta.
             * @memberof lattice.replica
             * @classdesc Represents a Delta.
             * @constructor
             * @param {lattice.replica.Delta.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Delta = function (properties) {
                this.version = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Delta service.
             * @member {string} service
             * @memberof lattice.replica.Delta
             * @instance
             */
            Delta.prototype.service = "";

            /**
             * Delta key.
             * @member {string} key
             * @memberof lattice.replica.Delta
             * @instance
             */
            Delta.prototype.key = "";

            /**
             * Delta origin.
             * @member {string} origin
             * @memberof lattice.replica.Delta
             * @instance
             */
            Delta.prototype.origin = "";

            /**
             * Delta seq.
             * @member {number} seq
             * @memberof lattice.replica.Delta
             * @instance
             */
            Delta.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Delta firstSeq.
             * @member {number} firstSeq
             * @memberof lattice.replica.Delta
             * @instance
             */
            Delta.prototype.firstSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Delta originTimeMs.
             * @member {number} originTimeMs
             * @memberof lattice.replica.Delta
             * @instance
             */
            Delta.prototype.originTimeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Delta delta.
             * @member {Uint8Array} delta
             * @memberof lattice.replica.Delta
             * @instance
             */
            Delta.prototype.delta = $util.newBuffer([]);

            /**
             * Delta deleted.
             * @member {boolean} deleted
             * @memberof lattice.replica.Delta
             * @instance
             */
            Delta.prototype.deleted = false;

            /**
             * Delta version.
             * @member {Array.<lattice.replica.VersionEntry.$Properties>} version
             * @memberof lattice.replica.Delta
             * @instance
             */
            Delta.prototype.version = $util.emptyArray;

            /**
             * Encodes the specified Delta message. Does not implicitly {@link lattice.replica.Delta.verify|verify} messages.
             * @function encode
             * @memberof lattice.replica.Delta
             * @static
             * @param {lattice.replica.Delta.$Properties} message Delta message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Delta.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.service != null && $Object.hasOwnProperty.call(message, "service") && message.service !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.service);
                if (message.key != null && $Object.hasOwnProperty.call(message, "key") && message.key !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.key);
                if (message.origin != null && $Object.hasOwnProperty.call(message, "origin") && message.origin !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.origin);
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.seq);
                if (message.firstSeq != null && $Object.hasOwnProperty.call(message, "firstSeq") && (typeof message.firstSeq === "object" ? message.firstSeq.low || message.firstSeq.high : message.firstSeq !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.firstSeq);
                if (message.originTimeMs != null && $Object.hasOwnProperty.call(message, "originTimeMs") && (typeof message.originTimeMs === "object" ? message.originTimeMs.low || message.originTimeMs.high : message.originTimeMs !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.originTimeMs);
                if (message.delta != null && $Object.hasOwnProperty.call(message, "delta") && message.delta.length)
                    writer.uint32(/* id 7, wireType 2 =*/58).bytes(message.delta);
                if (message.deleted != null && $Object.hasOwnProperty.call(message, "deleted") && message.deleted !== false)
                    writer.uint32(/* id 8, wireType 0 =*/64).bool(message.deleted);
                if (message.version != null && message.version.length)
                    for (let i = 0; i < message.version.length; ++i)
                        $root.lattice.replica.VersionEntry.encode(message.version[i], writer.uint32(/* id 9, wireType 2 =*/74).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Delta message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.replica.Delta
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.replica.Delta & lattice.replica.Delta.$Shape} Delta
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Delta.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lattice.replica.Delta();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.service = value;
                            else
                                delete message.service;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.key = value;
                            else
                                delete message.key;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.origin = value;
                            else
                                delete message.origin;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.firstSeq = value;
                            else
                                delete message.firstSeq;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.originTimeMs = value;
                            else
                                delete message.originTimeMs;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.delta = value;
                            else
                                delete message.delta;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.deleted = value;
                            else
                                delete message.deleted;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if (!(message.version && message.version.length))
                                message.version = [];
                            message.version.push($root.lattice.replica.VersionEntry.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for Delta
             * @function getTypeUrl
             * @memberof lattice.replica.Delta
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Delta.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.replica.Delta";
            };

            return Delta;
        })();

        replica.Ack = (function() {

            /**
             * Properties of an Ack.
             * @typedef {Object} lattice.replica.Ack.$Properties
             * @property {number|null} [batchSeq] Ack batchSeq
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Ack.
             * @memberof lattice.replica
             * @interface IAck
             * @augments lattice.replica.Ack.$Properties
             * @deprecated Use lattice.replica.Ack.$Properties instead.
             */

            /**
             * Shape of an Ack.
             * @typedef {lattice.replica.Ack.$Properties} lattice.replica.Ack.$Shape
             */

            /**
             * Constructs a new Ack.
             * @memberof lattice.replica
             * @classdesc Represents an Ack.
             * @constructor
             * @param {lattice.replica.Ack.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Ack = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Ack batchSeq.
             * @member {number} batchSeq
             * @memberof lattice.replica.Ack
             * @instance
             */
            Ack.prototype.batchSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Encodes the specified Ack message. Does not implicitly {@link lattice.replica.Ack.verify|verify} messages.
             * @function encode
             * @memberof lattice.replica.Ack
             * @static
             * @param {lattice.replica.Ack.$Properties} message Ack message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ack.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.batchSeq != null && $Object.hasOwnProperty.call(message, "batchSeq") && (typeof message.batchSeq === "object" ? message.batchSeq.low || message.batchSeq.high : message.batchSeq !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.batchSeq);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an Ack message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.replica.Ack
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.replica.Ack & lattice.replica.Ack.$Shape} Ack
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ack.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lattice.replica.Ack();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.batchSeq = value;
                            else
                                delete message.batchSeq;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for Ack
             * @function getTypeUrl
             * @memberof lattice.replica.Ack
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Ack.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.replica.Ack";
            };

            return Ack;
        })();

        replica.DigestSummary = (function() {

            /**
             * Properties of a DigestSummary.
             * @typedef {Object} lattice.replica.DigestSummary.$Properties
             * @property {number|null} [round] DigestSummary round
             * @property {number|null} [fanout] DigestSummary fanout
             * @property {number|null} [depth] DigestSummary depth
             * @property {Uint8Array|null} [root] DigestSummary root
             * @property {Uint8Array|null} [buckets] DigestSummary buckets
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DigestSummary.
             * @memberof lattice.replica
             * @interface IDigestSummary
             * @augments lattice.replica.DigestSummary.$Properties
             * @deprecated Use lattice.replica.DigestSummary.$Properties instead.
             */

            /**
             * Shape of a DigestSummary.
             * @typedef {lattice.replica.DigestSummary.$Properties} lattice.replica.DigestSummary.$Shape
             */

            /**
             * Constructs a new DigestSummary.
             * @memberof lattice.replica
             * @classdesc Represents a DigestSummary.
             * @constructor
             * @param {lattice.replica.DigestSummary.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DigestSummary = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DigestSummary round.
             * @member {number} round
             * @memberof lattice.replica.DigestSummary
             * @instance
             */
            DigestSummary.prototype.round = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * DigestSummary fanout.
             * @member {number} fanout
             * @memberof lattice.replica.DigestSummary
             * @instance
             */
            DigestSummary.prototype.fanout = 0;

            /**
             * DigestSummary depth.
             * @member {number} depth
             * @memberof lattice.replica.DigestSummary
             * @instance
             */
            DigestSummary.prototype.depth = 0;

            /**
             * DigestSummary root.
             * @member {Uint8Array} root
             * @memberof lattice.replica.DigestSummary
             * @instance
             */
            DigestSummary.prototype.root = $util.newBuffer([]);

            /**
             * DigestSummary buckets.
             * @member {Uint8Array} buckets
             * @memberof lattice.replica.DigestSummary
             * @instance
             */
            DigestSummary.prototype.buckets = $util.newBuffer([]);

            /**
             * Encodes the specified DigestSummary message. Does not implicitly {@link lattice.replica.DigestSummary.verify|verify} messages.
             * @function encode
             * @memberof lattice.replica.DigestSummary
             * @static
             * @param {lattice.replica.DigestSummary.$Properties} message DigestSummary message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DigestSummary.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.round != null && $Object.hasOwnProperty.call(message, "round") && (typeof message.round === "object" ? message.round.low || message.round.high : message.round !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.round);
                if (message.fanout != null && $Object.hasOwnProperty.call(message, "fanout") && message.fanout !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.fanout);
                if (message.depth != null && $Object.hasOwnProperty.call(message, "depth") && message.depth !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.depth);
                if (message.root != null && $Object.hasOwnProperty.call(message, "root") && message.root.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.root);
                if (message.buckets != null && $Object.hasOwnProperty.call(message, "buckets") && message.buckets.length)
                    writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.buckets);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a DigestSummary message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.replica.DigestSummary
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.replica.DigestSummary & lattice.replica.DigestSummary.$Shape} DigestSummary
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DigestSummary.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lattice.replica.DigestSummary();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.round = value;
                            else
                                delete message.round;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.fanout = value;
                            else
                                delete message.fanout;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.depth = value;
                            else
                                delete message.depth;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.root = value;
                            else
                                delete message.root;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.buckets = value;
                            else
                                delete message.buckets;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for DigestSummary
             * @function getTypeUrl
             * @memberof lattice.replica.DigestSummary
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DigestSummary.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.replica.DigestSummary";
            };

            return DigestSummary;
        })();

        replica.BucketDigests = (function() {

            /**
             * Properties of a BucketDigests.
             * @typedef {Object} lattice.replica.BucketDigests.$Properties
             * @property {number|null} [round] BucketDigests round
             * @property {Array.<lattice.replica.BucketLeaves.$Properties>|null} [buckets] BucketDigests buckets
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a BucketDigests.
             * @memberof lattice.replica
             * @interface IBucketDigests
             * @augments lattice.replica.BucketDigests.$Properties
             * @deprecated Use lattice.replica.BucketDigests.$Properties instead.
             */

            /**
             * Shape of a BucketDigests.
             * @typedef {lattice.replica.BucketDigests.$Properties} lattice.replica.BucketDigests.$Shape
             */

            /**
             * Constructs a new BucketDigests.
             * @memberof lattice.replica
             * @classdesc Represents a BucketDigests.
             * @constructor
             * @param {lattice.replica.BucketDigests.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const BucketDigests = function (properties) {
                this.buckets = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * BucketDigests round.
             * @member {number} round
             * @memberof lattice.replica.BucketDigests
             * @instance
             */
            BucketDigests.prototype.round = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * BucketDigests buckets.
             * @member {Array.<lattice.replica.BucketLeaves.$Properties>} buckets
             * @memberof lattice.replica.BucketDigests
             * @instance
             */
            BucketDigests.prototype.buckets = $util.emptyArray;

            /**
             * Encodes the specified BucketDigests message. Does not implicitly {@link lattice.replica.BucketDigests.verify|verify} messages.
             * @function encode
             * @memberof lattice.replica.BucketDigests
             * @static
             * @param {lattice.replica.BucketDigests.$Properties} message BucketDigests message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BucketDigests.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.round != null && $Object.hasOwnProperty.call(message, "round") && (typeof message.round === "object" ? message.round.low || message.round.high : message.round !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.round);
                if (message.buckets != null && message.buckets.length)
                    for (let i = 0; i < message.buckets.length; ++i)
                        $root.lattice.replica.BucketLeaves.encode(message.buckets[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a BucketDigests message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.replica.BucketDigests
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.replica.BucketDigests & lattice.replica.BucketDigests.$Shape} BucketDigests
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BucketDigests.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lattice.replica.BucketDigests();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.round = value;
                            else
                                delete message.round;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.buckets && message.buckets.length))
                                message.buckets = [];
                            message.buckets.push($root.lattice.replica.BucketLeaves.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for BucketDigests
             * @function getTypeUrl
             * @memberof lattice.replica.BucketDigests
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            BucketDigests.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.replica.BucketDigests";
            };

            return BucketDigests;
        })();

        replica.BucketLeaves = (function() {

            /**
             * Properties of a BucketLeaves.
             * @typedef {Object} lattice.replica.BucketLeaves.$Properties
             * @property {number|null} [bucket] BucketLeaves bucket
             * @property {Uint8Array|null} [leaves] BucketLeaves leaves
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a BucketLeaves.
             * @memberof lattice.replica
             * @interface IBucketLeaves
             * @augments lattice.replica.BucketLeaves.$Properties
             * @deprecated Use lattice.replica.BucketLeaves.$Properties instead.
             */

            /**
             * Shape of a BucketLeaves.
             * @typedef {lattice.replica.BucketLeaves.$Properties} lattice.replica.BucketLeaves.$Shape
             */

            /**
             * Constructs a new BucketLeaves.
             * @memberof lattice.replica
             * @classdesc Represents a BucketLeaves.
             * @constructor
             * @param {lattice.replica.BucketLeaves.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const BucketLeaves = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * BucketLeaves bucket.
             * @member {number} bucket
             * @memberof lattice.replica.BucketLeaves
             * @instance
             */
            BucketLeaves.prototype.bucket = 0;

            /**
             * BucketLeaves leaves.
             * @member {Uint8Array} leaves
             * @memberof lattice.replica.BucketLeaves
             * @instance
             */
            BucketLeaves.prototype.leaves = $util.newBuffer([]);

            /**
             * Encodes the specified BucketLeaves message. Does not implicitly {@link lattice.replica.BucketLeaves.verify|verify} messages.
             * @function encode
             * @memberof lattice.replica.BucketLeaves
             * @static
             * @param {lattice.replica.BucketLeaves.$Properties} message BucketLeaves message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BucketLeaves.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.bucket != null && $Object.hasOwnProperty.call(message, "bucket") && message.bucket !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.bucket);
                if (message.leaves != null && $Object.hasOwnProperty.call(message, "leaves") && message.leaves.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.leaves);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a BucketLeaves message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.replica.BucketLeaves
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.replica.BucketLeaves & lattice.replica.BucketLeaves.$Shape} BucketLeaves
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BucketLeaves.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lattice.replica.BucketLeaves();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.bucket = value;
                            else
                                delete message.bucket;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.leaves = value;
                            else
                                delete message.leaves;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for BucketLeaves
             * @function getTypeUrl
             * @memberof lattice.replica.BucketLeaves
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            BucketLeaves.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.replica.BucketLeaves";
            };

            return BucketLeaves;
        })();

        replica.EntityDigests = (function() {

            /**
             * Properties of an EntityDigests.
             * @typedef {Object} lattice.replica.EntityDigests.$Properties
             * @property {number|null} [round] EntityDigests round
             * @property {Array.<number>|null} [leaves] EntityDigests leaves
             * @property {Array.<lattice.replica.EntityDigest.$Properties>|null} [entities] EntityDigests entities
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EntityDigests.
             * @memberof lattice.replica
             * @interface IEntityDigests
             * @augments lattice.replica.EntityDigests.$Properties
             * @deprecated Use lattice.replica.EntityDigests.$Properties instead.
             */

            /**
             * Shape of an EntityDigests.
             * @typedef {lattice.replica.EntityDigests.$Properties} lattice.replica.EntityDigests.$Shape
             */

            /**
             * Constructs a new EntityDigests.
             * @memberof lattice.replica
             * @classdesc Represents an EntityDigests.
             * @constructor
             * @param {lattice.replica.EntityDigests.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EntityDigests = function (properties) {
                this.leaves = [];
                this.entities = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * EntityDigests round.
             * @member {number} round
             * @memberof lattice.replica.EntityDigests
             * @instance
             */
            EntityDigests.prototype.round = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * EntityDigests leaves.
             * @member {Array.<number>} leaves
             * @memberof lattice.replica.EntityDigests
             * @instance
             */
            EntityDigests.prototype.leaves = $util.emptyArray;

            /**
             * EntityDigests entities.
             * @member {Array.<lattice.replica.EntityDigest.$Properties>} entities
             * @memberof lattice.replica.EntityDigests
             * @instance
             */
            EntityDigests.prototype.entities = $util.emptyArray;

            /**
             * Encodes the specified EntityDigests message. Does not implicitly {@link lattice.replica.EntityDigests.verify|verify} messages.
             * @function encode
             * @memberof lattice.replica.EntityDigests
             * @static
             * @param {lattice.replica.EntityDigests.$Properties} message EntityDigests message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EntityDigests.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.round != null && $Object.hasOwnProperty.call(message, "round") && (typeof message.round === "object" ? message.round.low || message.round.high : message.round !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.round);
                if (message.leaves != null && message.leaves.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).uint32s(message.leaves);
                if (message.entities != null && message.entities.length)
                    for (let i = 0; i < message.entities.length; ++i)
                        $root.lattice.replica.EntityDigest.encode(message.entities[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an EntityDigests message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.replica.EntityDigests
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.replica.EntityDigests & lattice.replica.EntityDigests.$Shape} EntityDigests
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EntityDigests.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lattice.replica.EntityDigests();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.round = value;
                            else
                                delete message.round;
                            continue;
                        }
                    case 2: {
                            if (wireType === 2) {
                                if (!(message.leaves && message.leaves.length))
                                    message.leaves = [];
                                reader.uint32s(message.leaves);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.leaves && message.leaves.length))
                                message.leaves = [];
                            message.leaves.push(reader.uint32());
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.entities && message.entities.length))
                                message.entities = [];
                            message.entities.push($root.lattice.replica.EntityDigest.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for EntityDigests
             * @function getTypeUrl
             * @memberof lattice.replica.EntityDigests
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EntityDigests.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.replica.EntityDigests";
            };

            return EntityDigests;
        })();

        replica.EntityDigest = (function() {

            /**
             * Properties of an EntityDigest.
             * @typedef {Object} lattice.replica.EntityDigest.$Properties
             * @property {string|null} [service] EntityDigest service
             * @property {string|null} [key] EntityDigest key
             * @property {Uint8Array|null} [digest] EntityDigest digest
             * @property {Array.<lattice.replica.VersionEntry.$Properties>|null} [version] EntityDigest version
             * @property {boolean|null} [deleted] EntityDigest deleted
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EntityDigest.
             * @memberof lattice.replica
             * @interface IEntityDigest
             * @augments lattice.replica.EntityDigest.$Properties
             * @deprecated Use lattice.replica.EntityDigest.$Properties instead.
             */

            /**
             * Shape of an EntityDigest.
             * @typedef {lattice.replica.EntityDigest.$Properties} lattice.replica.EntityDigest.$Shape
             */

            /**
             * Constructs a new EntityDigest.
             * @memberof lattice.replica
             * @classdesc Represents an EntityDigest.
             * @constructor
             * @param {lattice.replica.EntityDigest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EntityDigest = function (properties) {
                this.version = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * EntityDigest service.
             * @member {string} service
             * @memberof lattice.replica.EntityDigest
             * @instance
             */
            EntityDigest.prototype.service = "";

            /**
             * EntityDigest key.
             * @member {string} key
             * @memberof lattice.replica.EntityDigest
             * @instance
             */
            EntityDigest.prototype.key = "";

            /**
             * EntityDigest digest.
             * @member {Uint8Array} digest
             * @memberof lattice.replica.EntityDigest
             * @instance
             */
            EntityDigest.prototype.digest = $util.newBuffer([]);

            /**
             * EntityDigest version.
             * @member {Array.<lattice.replica.VersionEntry.$Properties>} version
             * @memberof lattice.replica.EntityDigest
             * @instance
             */
            EntityDigest.prototype.version = $util.emptyArray;

            /**
             * EntityDigest deleted.
             * @member {boolean} deleted
             * @memberof lattice.replica.EntityDigest
             * @instance
             */
            EntityDigest.prototype.deleted = false;

            /**
             * Encodes the specified EntityDigest message. Does not implicitly {@link lattice.replica.EntityDigest.verify|verify} messages.
             * @function encode
             * @memberof lattice.replica.EntityDigest
             * @static
             * @param {lattice.replica.EntityDigest.$Properties} message EntityDigest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EntityDigest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.service != null && $Object.hasOwnProperty.call(message, "service") && message.service !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.service);
                if (message.key != null && $Object.hasOwnProperty.call(message, "key") && message.key !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.key);
                if (message.digest != null && $Object.hasOwnProperty.call(message, "digest") && message.digest.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.digest);
                if (message.version != null && message.version.length)
                    for (let i = 0; i < message.version.length; ++i)
                        $root.lattice.replica.VersionEntry.encode(message.version[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.deleted != null && $Object.hasOwnProperty.call(message, "deleted") && message.deleted !== false)
                    writer.uint32(/* id 5, wireType 0 =*/40).bool(message.deleted);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an EntityDigest message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.replica.EntityDigest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.replica.EntityDigest & lattice.replica.EntityDigest.$Shape} EntityDigest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EntityDigest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lattice.replica.EntityDigest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.service = value;
                            else
                                delete message.service;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.key = value;
                            else
                                delete message.key;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.digest = value;
                            else
                                delete message.digest;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.version && message.version.length))
                                message.version = [];
                            message.version.push($root.lattice.replica.VersionEntry.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.deleted = value;
                            else
                                delete message.deleted;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for EntityDigest
             * @function getTypeUrl
             * @memberof lattice.replica.EntityDigest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EntityDigest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.replica.EntityDigest";
            };

            return EntityDigest;
        })();

        replica.VersionEntry = (function() {

            /**
             * Properties of a VersionEntry.
             * @typedef {Object} lattice.replica.VersionEntry.$Properties
             * @property {string|null} [replica] VersionEntry replica
             * @property {number|null} [count] VersionEntry count
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a VersionEntry.
             * @memberof lattice.replica
             * @interface IVersionEntry
             * @augments lattice.replica.VersionEntry.$Properties
             * @deprecated Use lattice.replica.VersionEntry.$Properties instead.
             */

            /**
             * Shape of a VersionEntry.
             * @typedef {lattice.replica.VersionEntry.$Properties} lattice.replica.VersionEntry.$Shape
             */

            /**
             * Constructs a new VersionEntry.
             * @memberof lattice.replica
             * @classdesc Represents a VersionEntry.
             * @constructor
             * @param {lattice.replica.VersionEntry.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const VersionEntry = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * VersionEntry replica.
             * @member {string} replica
             * @memberof lattice.replica.VersionEntry
             * @instance
             */
            VersionEntry.prototype.replica = "";

            /**
             * VersionEntry count.
             * @member {number} count
             * @memberof lattice.replica.VersionEntry
             * @instance
             */
            VersionEntry.prototype.count = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Encodes the specified VersionEntry message. Does not implicitly {@link lattice.replica.VersionEntry.verify|verify} messages.
             * @function encode
             * @memberof lattice.replica.VersionEntry
             * @static
             * @param {lattice.replica.VersionEntry.$Properties} message VersionEntry message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            VersionEntry.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.replica != null && $Object.hasOwnProperty.call(message, "replica") && message.replica !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.replica);
                if (message.count != null && $Object.hasOwnProperty.call(message, "count") && (typeof message.count === "object" ? message.count.low || message.count.high : message.count !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.count);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a VersionEntry message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.replica.VersionEntry
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.replica.VersionEntry & lattice.replica.VersionEntry.$Shape} VersionEntry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            VersionEntry.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lattice.replica.VersionEntry();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.replica = value;
                            else
                                delete message.replica;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.count = value;
                            else
                                delete message.count;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for VersionEntry
             * @function getTypeUrl
             * @memberof lattice.replica.VersionEntry
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            VersionEntry.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.replica.VersionEntry";
            };

            return VersionEntry;
        })();

        replica.StateRequest = (function() {

            /**
             * Properties of a StateRequest.
             * @typedef {Object} lattice.replica.StateRequest.$Properties
             * @property {number|null} [round] StateRequest round
             * @property {Array.<lattice.replica.StateWant.$Properties>|null} [entities] StateRequest entities
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StateRequest.
             * @memberof lattice.replica
             * @interface IStateRequest
             * @augments lattice.replica.StateRequest.$Properties
             * @deprecated Use lattice.replica.StateRequest.$Properties instead.
             */

            /**
             * Shape of a StateRequest.
             * @typedef {lattice.replica.StateRequest.$Properties} lattice.replica.StateRequest.$Shape
             */

            /**
             * Constructs a new StateRequest.
             * @memberof lattice.replica
             * @classdesc Represents a StateRequest.
             * @constructor
             * @param {lattice.replica.StateRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StateRequest = function (properties) {
                this.entities = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * StateRequest round.
             * @member {number} round
             * @memberof lattice.replica.StateRequest
             * @instance
             */
            StateRequest.prototype.round = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * StateRequest entities.
             * @member {Array.<lattice.replica.StateWant.$Properties>} entities
             * @memberof lattice.replica.StateRequest
             * @instance
             */
            StateRequest.prototype.entities = $util.emptyArray;

            /**
             * Encodes the specified StateRequest message. Does not implicitly {@link lattice.replica.StateRequest.verify|verify} messages.
             * @function encode
             * @memberof lattice.replica.StateRequest
             * @static
             * @param {lattice.replica.StateRequest.$Properties} message StateRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StateRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.round != null && $Object.hasOwnProperty.call(message, "round") && (typeof message.round === "object" ? message.round.low || message.round.high : message.round !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.round);
                if (message.entities != null && message.entities.length)
                    for (let i = 0; i < message.entities.length; ++i)
                        $root.lattice.replica.StateWant.encode(message.entities[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a StateRequest message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.replica.StateRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.replica.StateRequest & lattice.replica.StateRequest.$Shape} StateRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StateRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lattice.replica.StateRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.round = value;
                            else
                                delete message.round;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.entities && message.entities.length))
                                message.entities = [];
                            message.entities.push($root.lattice.replica.StateWant.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for StateRequest
             * @function getTypeUrl
             * @memberof lattice.replica.StateRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            StateRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.replica.StateRequest";
            };

            return StateRequest;
        })();

        replica.StateWant = (function() {

            /**
             * Properties of a StateWant.
             * @typedef {Object} lattice.replica.StateWant.$Properties
             * @property {string|null} [service] StateWant service
             * @property {string|null} [key] StateWant key
             * @property {Array.<lattice.replica.VersionEntry.$Properties>|null} [version] StateWant version
             * @property {Uint8Array|null} [context] StateWant context
             * @property {Uint8Array|null} [stateVector] StateWant stateVector
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StateWant.
             * @memberof lattice.replica
             * @interface IStateWant
             * @augments lattice.replica.StateWant.$Properties
             * @deprecated Use lattice.replica.StateWant.$Properties instead.
             */

            /**
             * Shape of a StateWant.
             * @typedef {lattice.replica.StateWant.$Properties} lattice.replica.StateWant.$Shape
             */

            /**
             * Constructs a new StateWant.
             * @memberof lattice.replica
             * @classdesc Represents a StateWant.
             * @constructor
             * @param {lattice.replica.StateWant.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StateWant = function (properties) {
                this.version = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * StateWant service.
             * @member {string} service
             * @memberof lattice.replica.StateWant
             * @instance
             */
            StateWant.prototype.service = "";

            /**
             * StateWant key.
             * @member {string} key
             * @memberof lattice.replica.StateWant
             * @instance
             */
            StateWant.prototype.key = "";

            /**
             * StateWant version.
             * @member {Array.<lattice.replica.VersionEntry.$Properties>} version
             * @memberof lattice.replica.StateWant
             * @instance
             */
            StateWant.prototype.version = $util.emptyArray;

            /**
             * StateWant context.
             * @member {Uint8Array} context
             * @memberof lattice.replica.StateWant
             * @instance
             */
            StateWant.prototype.context = $util.newBuffer([]);

            /**
             * StateWant stateVector.
             * @member {Uint8Array} stateVector
             * @memberof lattice.replica.StateWant
             * @instance
             */
            StateWant.prototype.stateVector = $util.newBuffer([]);

            /**
             * Encodes the specified StateWant message. Does not implicitly {@link lattice.replica.StateWant.verify|verify} messages.
             * @function encode
             * @memberof lattice.replica.StateWant
             * @static
             * @param {lattice.replica.StateWant.$Properties} message StateWant message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StateWant.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.service != null && $Object.hasOwnProperty.call(message, "service") && message.service !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.service);
                if (message.key != null && $Object.hasOwnProperty.call(message, "key") && message.key !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.key);
                if (message.version != null && message.version.length)
                    for (let i = 0; i < message.version.length; ++i)
                        $root.lattice.replica.VersionEntry.encode(message.version[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.context != null && $Object.hasOwnProperty.call(message, "context") && message.context.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.context);
                if (message.stateVector != null && $Object.hasOwnProperty.call(message, "stateVector") && message.stateVector.length)
                    writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.stateVector);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a StateWant message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.replica.StateWant
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.replica.StateWant & lattice.replica.StateWant.$Shape} StateWant
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StateWant.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lattice.replica.StateWant();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.service = value;
                            else
                                delete message.service;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.key = value;
                            else
                                delete message.key;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.version && message.version.length))
                                message.version = [];
                            message.version.push($root.lattice.replica.VersionEntry.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.context = value;
                            else
                                delete message.context;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.stateVector = value;
                            else
                                delete message.stateVector;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for StateWant
             * @function getTypeUrl
             * @memberof lattice.replica.StateWant
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            StateWant.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.replica.StateWant";
            };

            return StateWant;
        })();

        replica.StateReply = (function() {

            /**
             * Properties of a StateReply.
             * @typedef {Object} lattice.replica.StateReply.$Properties
             * @property {number|null} [round] StateReply round
             * @property {Array.<lattice.replica.EntityState.$Properties>|null} [entities] StateReply entities
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StateReply.
             * @memberof lattice.replica
             * @interface IStateReply
             * @augments lattice.replica.StateReply.$Properties
             * @deprecated Use lattice.replica.StateReply.$Properties instead.
             */

            /**
             * Shape of a StateReply.
             * @typedef {lattice.replica.StateReply.$Properties} lattice.replica.StateReply.$Shape
             */

            /**
             * Constructs a new StateReply.
             * @memberof lattice.replica
             * @classdesc Represents a StateReply.
             * @constructor
             * @param {lattice.replica.StateReply.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StateReply = function (properties) {
                this.entities = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * StateReply round.
             * @member {number} round
             * @memberof lattice.replica.StateReply
             * @instance
             */
            StateReply.prototype.round = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * StateReply entities.
             * @member {Array.<lattice.replica.EntityState.$Properties>} entities
             * @memberof lattice.replica.StateReply
             * @instance
             */
            StateReply.prototype.entities = $util.emptyArray;

            /**
             * Encodes the specified StateReply message. Does not implicitly {@link lattice.replica.StateReply.verify|verify} messages.
             * @function encode
             * @memberof lattice.replica.StateReply
             * @static
             * @param {lattice.replica.StateReply.$Properties} message StateReply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StateReply.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.round != null && $Object.hasOwnProperty.call(message, "round") && (typeof message.round === "object" ? message.round.low || message.round.high : message.round !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.round);
                if (message.entities != null && message.entities.length)
                    for (let i = 0; i < message.entities.length; ++i)
                        $root.lattice.replica.EntityState.encode(message.entities[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a StateReply message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.replica.StateReply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.replica.StateReply & lattice.replica.StateReply.$Shape} StateReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StateReply.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lattice.replica.StateReply();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.round = value;
                            else
                                delete message.round;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.entities && message.entities.length))
                                message.entities = [];
                            message.entities.push($root.lattice.replica.EntityState.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for StateReply
             * @function getTypeUrl
             * @memberof lattice.replica.StateReply
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            StateReply.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.replica.StateReply";
            };

            return StateReply;
        })();

        replica.EntityState = (function() {

            /**
             * Properties of an EntityState.
             * @typedef {Object} lattice.replica.EntityState.$Properties
             * @property {string|null} [service] EntityState service
             * @property {string|null} [key] EntityState key
             * @property {Uint8Array|null} [state] EntityState state
             * @property {Array.<lattice.replica.VersionEntry.$Properties>|null} [version] EntityState version
             * @property {boolean|null} [deleted] EntityState deleted
             * @property {boolean|null} [partial] EntityState partial
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EntityState.
             * @memberof lattice.replica
             * @interface IEntityState
             * @augments lattice.replica.EntityState.$Properties
             * @deprecated Use lattice.replica.EntityState.$Properties instead.
             */

            /**
             * Shape of an EntityState.
             * @typedef {lattice.replica.EntityState.$Properties} lattice.replica.EntityState.$Shape
             */

            /**
             * Constructs a new EntityState.
             * @memberof lattice.replica
             * @classdesc Represents an EntityState.
             * @constructor
             * @param {lattice.replica.EntityState.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EntityState = function (properties) {
                this.version = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * EntityState service.
             * @member {string} service
             * @memberof lattice.replica.EntityState
             * @instance
             */
            EntityState.prototype.service = "";

            /**
             * EntityState key.
             * @member {string} key
             * @memberof lattice.replica.EntityState
             * @instance
             */
            EntityState.prototype.key = "";

            /**
             * EntityState state.
             * @member {Uint8Array} state
             * @memberof lattice.replica.EntityState
             * @instance
             */
            EntityState.prototype.state = $util.newBuffer([]);

            /**
             * EntityState version.
             * @member {Array.<lattice.replica.VersionEntry.$Properties>} version
             * @memberof lattice.replica.EntityState
             * @instance
             */
            EntityState.prototype.version = $util.emptyArray;

            /**
             * EntityState deleted.
             * @member {boolean} deleted
             * @memberof lattice.replica.EntityState
             * @instance
             */
            EntityState.prototype.deleted = false;

            /**
             * EntityState partial.
             * @member {boolean} partial
             * @memberof lattice.replica.EntityState
             * @instance
             */
            EntityState.prototype.partial = false;

            /**
             * Encodes the specified EntityState message. Does not implicitly {@link lattice.replica.EntityState.verify|verify} messages.
             * @function encode
             * @memberof lattice.replica.EntityState
             * @static
             * @param {lattice.replica.EntityState.$Properties} message EntityState message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EntityState.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.service != null && $Object.hasOwnProperty.call(message, "service") && message.service !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.service);
                if (message.key != null && $Object.hasOwnProperty.call(message, "key") && message.key !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.key);
                if (message.state != null && $Object.hasOwnProperty.call(message, "state") && message.state.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.state);
                if (message.version != null && message.version.length)
                    for (let i = 0; i < message.version.length; ++i)
                        $root.lattice.replica.VersionEntry.encode(message.version[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.deleted != null && $Object.hasOwnProperty.call(message, "deleted") && message.deleted !== false)
                    writer.uint32(/* id 5, wireType 0 =*/40).bool(message.deleted);
                if (message.partial != null && $Object.hasOwnProperty.call(message, "partial") && message.partial !== false)
                    writer.uint32(/* id 6, wireType 0 =*/48).bool(message.partial);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an EntityState message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.replica.EntityState
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.replica.EntityState & lattice.replica.EntityState.$Shape} EntityState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EntityState.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lattice.replica.EntityState();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.service = value;
                            else
                                delete message.service;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.key = value;
                            else
                                delete message.key;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.state = value;
                            else
                                delete message.state;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.version && message.version.length))
                                message.version = [];
                            message.version.push($root.lattice.replica.VersionEntry.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.deleted = value;
                            else
                                delete message.deleted;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.partial = value;
                            else
                                delete message.partial;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for EntityState
             * @function getTypeUrl
             * @memberof lattice.replica.EntityState
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EntityState.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.replica.EntityState";
            };

            return EntityState;
        })();

        replica.YjsSync = (function() {

            /**
             * Properties of a YjsSync.
             * @typedef {Object} lattice.replica.YjsSync.$Properties
             * @property {number|null} [requestId] YjsSync requestId
             * @property {string|null} [service] YjsSync service
             * @property {string|null} [key] YjsSync key
             * @property {Uint8Array|null} [stateVector] YjsSync stateVector
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a YjsSync.
             * @memberof lattice.replica
             * @interface IYjsSync
             * @augments lattice.replica.YjsSync.$Properties
             * @deprecated Use lattice.replica.YjsSync.$Properties instead.
             */

            /**
             * Shape of a YjsSync.
             * @typedef {lattice.replica.YjsSync.$Properties} lattice.replica.YjsSync.$Shape
             */

            /**
             * Constructs a new YjsSync.
             * @memberof lattice.replica
             * @classdesc Represents a YjsSync.
             * @constructor
             * @param {lattice.replica.YjsSync.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const YjsSync = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * YjsSync requestId.
             * @member {number} requestId
             * @memberof lattice.replica.YjsSync
             * @instance
             */
            YjsSync.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * YjsSync service.
             * @member {string} service
             * @memberof lattice.replica.YjsSync
             * @instance
             */
            YjsSync.prototype.service = "";

            /**
             * YjsSync key.
             * @member {string} key
             * @memberof lattice.replica.YjsSync
             * @instance
             */
            YjsSync.prototype.key = "";

            /**
             * YjsSync stateVector.
             * @member {Uint8Array} stateVector
             * @memberof lattice.replica.YjsSync
             * @instance
             */
            YjsSync.prototype.stateVector = $util.newBuffer([]);

            /**
             * Encodes the specified YjsSync message. Does not implicitly {@link lattice.replica.YjsSync.verify|verify} messages.
             * @function encode
             * @memberof lattice.replica.YjsSync
             * @static
             * @param {lattice.replica.YjsSync.$Properties} message YjsSync message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            YjsSync.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && (typeof message.requestId === "object" ? message.requestId.low || message.requestId.high : message.requestId !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.requestId);
                if (message.service != null && $Object.hasOwnProperty.call(message, "service") && message.service !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.service);
                if (message.key != null && $Object.hasOwnProperty.call(message, "key") && message.key !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.key);
                if (message.stateVector != null && $Object.hasOwnProperty.call(message, "stateVector") && message.stateVector.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.stateVector);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a YjsSync message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.replica.YjsSync
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.replica.YjsSync & lattice.replica.YjsSync.$Shape} YjsSync
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            YjsSync.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lattice.replica.YjsSync();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.requestId = value;
                            else
                                delete message.requestId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.service = value;
                            else
                                delete message.service;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.key = value;
                            else
                                delete message.key;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.stateVector = value;
                            else
                                delete message.stateVector;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for YjsSync
             * @function getTypeUrl
             * @memberof lattice.replica.YjsSync
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            YjsSync.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.replica.YjsSync";
            };

            return YjsSync;
        })();

        replica.YjsDiff = (function() {

            /**
             * Properties of a YjsDiff.
             * @typedef {Object} lattice.replica.YjsDiff.$Properties
             * @property {number|null} [requestId] YjsDiff requestId
             * @property {string|null} [service] YjsDiff service
             * @property {string|null} [key] YjsDiff key
             * @property {Uint8Array|null} [update] YjsDiff update
             * @property {boolean|null} [deleted] YjsDiff deleted
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a YjsDiff.
             * @memberof lattice.replica
             * @interface IYjsDiff
             * @augments lattice.replica.YjsDiff.$Properties
             * @deprecated Use lattice.replica.YjsDiff.$Properties instead.
             */

            /**
             * Shape of a YjsDiff.
             * @typedef {lattice.replica.YjsDiff.$Properties} lattice.replica.YjsDiff.$Shape
             */

            /**
             * Constructs a new YjsDiff.
             * @memberof lattice.replica
             * @classdesc Represents a YjsDiff.
             * @constructor
             * @param {lattice.replica.YjsDiff.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const YjsDiff = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * YjsDiff requestId.
             * @member {number} requestId
             * @memberof lattice.replica.YjsDiff
             * @instance
             */
            YjsDiff.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * YjsDiff service.
             * @member {string} service
             * @memberof lattice.replica.YjsDiff
             * @instance
             */
            YjsDiff.prototype.service = "";

            /**
             * YjsDiff key.
             * @member {string} key
             * @memberof lattice.replica.YjsDiff
             * @instance
             */
            YjsDiff.prototype.key = "";

            /**
             * YjsDiff update.
             * @member {Uint8Array} update
             * @memberof lattice.replica.YjsDiff
             * @instance
             */
            YjsDiff.prototype.update = $util.newBuffer([]);

            /**
             * YjsDiff deleted.
             * @member {boolean} deleted
             * @memberof lattice.replica.YjsDiff
             * @instance
             */
            YjsDiff.prototype.deleted = false;

            /**
             * Encodes the specified YjsDiff message. Does not implicitly {@link lattice.replica.YjsDiff.verify|verify} messages.
             * @function encode
             * @memberof lattice.replica.YjsDiff
             * @static
             * @param {lattice.replica.YjsDiff.$Properties} message YjsDiff message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            YjsDiff.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && (typeof message.requestId === "object" ? message.requestId.low || message.requestId.high : message.requestId !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.requestId);
                if (message.service != null && $Object.hasOwnProperty.call(message, "service") && message.service !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.service);
                if (message.key != null && $Object.hasOwnProperty.call(message, "key") && message.key !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.key);
                if (message.update != null && $Object.hasOwnProperty.call(message, "update") && message.update.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.update);
                if (message.deleted != null && $Object.hasOwnProperty.call(message, "deleted") && message.deleted !== false)
                    writer.uint32(/* id 5, wireType 0 =*/40).bool(message.deleted);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a YjsDiff message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.replica.YjsDiff
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.replica.YjsDiff & lattice.replica.YjsDiff.$Shape} YjsDiff
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            YjsDiff.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lattice.replica.YjsDiff();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.requestId = value;
                            else
                                delete message.requestId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.service = value;
                            else
                                delete message.service;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.key = value;
                            else
                                delete message.key;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.update = value;
                            else
                                delete message.update;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.deleted = value;
                            else
                                delete message.deleted;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for YjsDiff
             * @function getTypeUrl
             * @memberof lattice.replica.YjsDiff
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            YjsDiff.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.replica.YjsDiff";
            };

            return YjsDiff;
        })();

        replica.Awareness = (function() {

            /**
             * Properties of an Awareness.
             * @typedef {Object} lattice.replica.Awareness.$Properties
             * @property {string|null} [service] Awareness service
             * @property {string|null} [key] Awareness key
             * @property {Uint8Array|null} [update] Awareness update
             * @property {string|null} [origin] Awareness origin
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Awareness.
             * @memberof lattice.replica
             * @interface IAwareness
             * @augments lattice.replica.Awareness.$Properties
             * @deprecated Use lattice.replica.Awareness.$Properties instead.
             */

            /**
             * Shape of an Awareness.
             * @typedef {lattice.replica.Awareness.$Properties} lattice.replica.Awareness.$Shape
             */

            /**
             * Constructs a new Awareness.
             * @memberof lattice.replica
             * @classdesc Represents an Awareness.
             * @constructor
             * @param {lattice.replica.Awareness.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Awareness = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Awareness service.
             * @member {string} service
             * @memberof lattice.replica.Awareness
             * @instance
             */
            Awareness.prototype.service = "";

            /**
             * Awareness key.
             * @member {string} key
             * @memberof lattice.replica.Awareness
             * @instance
             */
            Awareness.prototype.key = "";

            /**
             * Awareness update.
             * @member {Uint8Array} update
             * @memberof lattice.replica.Awareness
             * @instance
             */
            Awareness.prototype.update = $util.newBuffer([]);

            /**
             * Awareness origin.
             * @member {string} origin
             * @memberof lattice.replica.Awareness
             * @instance
             */
            Awareness.prototype.origin = "";

            /**
             * Encodes the specified Awareness message. Does not implicitly {@link lattice.replica.Awareness.verify|verify} messages.
             * @function encode
             * @memberof lattice.replica.Awareness
             * @static
             * @param {lattice.replica.Awareness.$Properties} message Awareness message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Awareness.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.service != null && $Object.hasOwnProperty.call(message, "service") && message.service !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.service);
                if (message.key != null && $Object.hasOwnProperty.call(message, "key") && message.key !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.key);
                if (message.update != null && $Object.hasOwnProperty.call(message, "update") && message.update.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.update);
                if (message.origin != null && $Object.hasOwnProperty.call(message, "origin") && message.origin !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.origin);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an Awareness message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.replica.Awareness
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.replica.Awareness & lattice.replica.Awareness.$Shape} Awareness
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Awareness.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.lattice.replica.Awareness();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.service = value;
                            else
                                delete message.service;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.key = value;
                            else
                                delete message.key;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.update = value;
                            else
                                delete message.update;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.origin = value;
                            else
                                delete message.origin;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for Awareness
             * @function getTypeUrl
             * @memberof lattice.replica.Awareness
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Awareness.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.replica.Awareness";
            };

            return Awareness;
        })();

        return replica;
    })();

    return lattice;
})();

export {
  $root as default
};
