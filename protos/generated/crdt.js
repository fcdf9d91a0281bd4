/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["lattice-crdt"] || ($protobuf.roots["lattice-crdt"] = {});

export const lattice = $root.lattice = (() => {

    /**
     * Namespace lattice.
     * @exports lattice
     * @namespace
     */
    const lattice = {};

    lattice.crdt = (function() {

        /**
         * Namespace crdt.
         * @memberof lattice
         * @namespace
         */
        const crdt = {};

        /**
         * CrdtType enum.
         * @name lattice.crdt.CrdtType
         * @enum {number}
         * @property {number} CRDT_TYPE_UNSPECIFIED=0 CRDT_TYPE_UNSPECIFIED value
         * @property {number} GCOUNTER=1 GCOUNTER value
         * @property {number} PNCOUNTER=2 PNCOUNTER value
         * @property {number} GSET=3 GSET value
         * @property {number} ORSET=4 ORSET value
         * @property {number} LWWREGISTER=5 LWWREGISTER value
         * @property {number} FLAG=6 FLAG value
         * @property {number} ORMAP=7 ORMAP value
         * @property {number} VOTE=8 VOTE value
         * @property {number} YDOC=9 YDOC value
         */
        crdt.CrdtType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "CRDT_TYPE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "GCOUNTER"] = 1;
            values[valuesById[2] = "PNCOUNTER"] = 2;
            values[valuesById[3] = "GSET"] = 3;
            values[valuesById[4] = "ORSET"] = 4;
            values[valuesById[5] = "LWWREGISTER"] = 5;
            values[valuesById[6] = "FLAG"] = 6;
            values[valuesById[7] = "ORMAP"] = 7;
            values[valuesById[8] = "VOTE"] = 8;
            values[valuesById[9] = "YDOC"] = 9;
            return values;
        })();

        crdt.CrdtState = (function() {

            /**
             * Properties of a CrdtState.
             * @typedef {Object} lattice.crdt.CrdtState.$Properties
             * @property {number|null} [format] CrdtState format
             * @property {lattice.crdt.CrdtType|null} [type] CrdtState type
             * @property {Array.<string>|null} [replicas] CrdtState replicas
             * @property {lattice.crdt.CausalContext.$Properties|null} [context] CrdtState context
             * @property {lattice.crdt.Store.$Properties|null} [store] CrdtState store
             * @property {Uint8Array|null} [ydoc] CrdtState ydoc
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CrdtState.
             * @memberof lattice.crdt
             * @interface ICrdtState
             * @augments lattice.crdt.CrdtState.$Properties
             * @deprecated Use lattice.crdt.CrdtState.$Properties instead.
             */

            /**
             * Shape of a CrdtState.
             * @typedef {{
             *   format?: number|null;
             *   type?: lattice.crdt.CrdtType|null;
             *   replicas?: Array.<string>|null;
             *   context?: lattice.crdt.CausalContext.$Shape|null;
             *   store?: lattice.crdt.Store.$Shape|null;
             *   ydoc?: Uint8Array|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} lattice.crdt.CrdtState.$Shape
             */

            /**
             * Constructs a new CrdtState.
             * @memberof lattice.crdt
             * @classdesc Represents a CrdtState.
             * @constructor
             * @param {lattice.crdt.CrdtState.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CrdtState = function (properties) {
                this.replicas = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CrdtState format.
             * @member {number} format
             * @memberof lattice.crdt.CrdtState
             * @instance
             */
            CrdtState.prototype.format = 0;

            /**
             * CrdtState type.
             * @member {lattice.crdt.CrdtType} type
             * @memberof lattice.crdt.CrdtState
             * @instance
             */
            CrdtState.prototype.type = 0;

            /**
             * CrdtState replicas.
             * @member {Array.<string>} replicas
             * @memberof lattice.crdt.CrdtState
             * @instance
             */
            CrdtState.prototype.replicas = $util.emptyArray;

            /**
             * CrdtState context.
             * @member {lattice.crdt.CausalContext.$Properties|null|undefined} context
             * @memberof lattice.crdt.CrdtState
             * @instance
             */
            CrdtState.prototype.context = null;

            /**
             * CrdtState store.
             * @member {lattice.crdt.Store.$Properties|null|undefined} store
             * @memberof lattice.crdt.CrdtState
             * @instance
             */
            CrdtState.prototype.store = null;

            /**
             * CrdtState ydoc.
             * @member {Uint8Array} ydoc
             * @memberof lattice.crdt.CrdtState
             * @instance
             */
            CrdtState.prototype.ydoc = $util.newBuffer([]);

            /**
             * Encodes the specified CrdtState message. Does not implicitly {@link lattice.crdt.CrdtState.verify|verify} messages.
             * @function encode
             * @memberof lattice.crdt.CrdtState
             * @static
             * @param {lattice.crdt.CrdtState.$Properties} message CrdtState message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CrdtState.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.format != null && $Object.hasOwnProperty.call(message, "format") && message.format !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.format);
                if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.type);
                if (message.replicas != null && message.replicas.length)
                    for (let i = 0; i < message.replicas.length; ++i)
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.replicas[i]);
                if (message.context != null && $Object.hasOwnProperty.call(message, "context"))
                    $root.lattice.crdt.CausalContext.encode(message.context, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.store != null && $Object.hasOwnProperty.call(message, "store"))
                    $root.lattice.crdt.Store.encode(message.store, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.ydoc != null && $Object.hasOwnProperty.call(message, "ydoc") && message.ydoc.length)
                    writer.uint32(/* id 6, wireType 2 =*/50).bytes(message.ydoc);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a CrdtState message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.crdt.CrdtState
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.crdt.CrdtState & lattice.crdt.CrdtState.$Shape} CrdtState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CrdtState.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.crdt.CrdtState();
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
                                message.format = value;
                            else
                                delete message.format;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.replicas && message.replicas.length))
                                message.replicas = [];
                            message.replicas.push(reader.stringVerify());
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.context = $root.lattice.crdt.CausalContext.decode(reader, reader.size(), $undefined, _depth + 1, message.context);
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.store = $root.lattice.crdt.Store.decode(reader, reader.size(), $undefined, _depth + 1, message.store);
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.ydoc = value;
                            else
                                delete message.ydoc;
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
             * Gets the type url for CrdtState
             * @function getTypeUrl
             * @memberof lattice.crdt.CrdtState
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            CrdtState.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.crdt.CrdtState";
            };

            return CrdtState;
        })();

        crdt.CausalContext = (function() {

            /**
             * Properties of a CausalContext.
             * @typedef {Object} lattice.crdt.CausalContext.$Properties
             * @property {Array.<lattice.crdt.VersionEntry.$Properties>|null} [vector] CausalContext vector
             * @property {Array.<lattice.crdt.CloudEntry.$Properties>|null} [cloud] CausalContext cloud
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CausalContext.
             * @memberof lattice.crdt
             * @interface ICausalContext
             * @augments lattice.crdt.CausalContext.$Properties
             * @deprecated Use lattice.crdt.CausalContext.$Properties instead.
             */

            /**
             * Shape of a CausalContext.
             * @typedef {lattice.crdt.CausalContext.$Properties} lattice.crdt.CausalContext.$Shape
             */

            /**
             * Constructs a new CausalContext.
             * @memberof lattice.crdt
             * @classdesc Represents a CausalContext.
             * @constructor
             * @param {lattice.crdt.CausalContext.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CausalContext = function (properties) {
                this.vector = [];
                this.cloud = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CausalContext vector.
             * @member {Array.<lattice.crdt.VersionEntry.$Properties>} vector
             * @memberof lattice.crdt.CausalContext
             * @instance
             */
            CausalContext.prototype.vector = $util.emptyArray;

            /**
             * CausalContext cloud.
             * @member {Array.<lattice.crdt.CloudEntry.$Properties>} cloud
             * @memberof lattice.crdt.CausalContext
             * @instance
             */
            CausalContext.prototype.cloud = $util.emptyArray;

            /**
             * Encodes the specified CausalContext message. Does not implicitly {@link lattice.crdt.CausalContext.verify|verify} messages.
             * @function encode
             * @memberof lattice.crdt.CausalContext
             * @static
             * @param {lattice.crdt.CausalContext.$Properties} message CausalContext message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CausalContext.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.vector != null && message.vector.length)
                    for (let i = 0; i < message.vector.length; ++i)
                        $root.lattice.crdt.VersionEntry.encode(message.vector[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.cloud != null && message.cloud.length)
                    for (let i = 0; i < message.cloud.length; ++i)
                        $root.lattice.crdt.CloudEntry.encode(message.cloud[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a CausalContext message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.crdt.CausalContext
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.crdt.CausalContext & lattice.crdt.CausalContext.$Shape} CausalContext
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CausalContext.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.crdt.CausalContext();
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
                            if (!(message.vector && message.vector.length))
                                message.vector = [];
                            message.vector.push($root.lattice.crdt.VersionEntry.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.cloud && message.cloud.length))
                                message.cloud = [];
                            message.cloud.push($root.lattice.crdt.CloudEntry.decode(reader, reader.size(), $undefined, _depth + 1));
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
             * Gets the type url for CausalContext
             * @function getTypeUrl
             * @memberof lattice.crdt.CausalContext
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            CausalContext.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.crdt.CausalContext";
            };

            return CausalContext;
        })();

        crdt.VersionEntry = (function() {

            /**
             * Properties of a VersionEntry.
             * @typedef {Object} lattice.crdt.VersionEntry.$Properties
             * @property {number|null} [replica] VersionEntry replica
             * @property {number|null} [counter] VersionEntry counter
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a VersionEntry.
             * @memberof lattice.crdt
             * @interface IVersionEntry
             * @augments lattice.crdt.VersionEntry.$Properties
             * @deprecated Use lattice.crdt.VersionEntry.$Properties instead.
             */

            /**
             * Shape of a VersionEntry.
             * @typedef {lattice.crdt.VersionEntry.$Properties} lattice.crdt.VersionEntry.$Shape
             */

            /**
             * Constructs a new VersionEntry.
             * @memberof lattice.crdt
             * @classdesc Represents a VersionEntry.
             * @constructor
             * @param {lattice.crdt.VersionEntry.$Properties=} [properties] Properties to set
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
             * @member {number} replica
             * @memberof lattice.crdt.VersionEntry
             * @instance
             */
            VersionEntry.prototype.replica = 0;

            /**
             * VersionEntry counter.
             * @member {number} counter
             * @memberof lattice.crdt.VersionEntry
             * @instance
             */
            VersionEntry.prototype.counter = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Encodes the specified VersionEntry message. Does not implicitly {@link lattice.crdt.VersionEntry.verify|verify} messages.
             * @function encode
             * @memberof lattice.crdt.VersionEntry
             * @static
             * @param {lattice.crdt.VersionEntry.$Properties} message VersionEntry message or plain object to encode
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
                if (message.replica != null && $Object.hasOwnProperty.call(message, "replica") && message.replica !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.replica);
                if (message.counter != null && $Object.hasOwnProperty.call(message, "counter") && (typeof message.counter === "object" ? message.counter.low || message.counter.high : message.counter !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.counter);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a VersionEntry message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.crdt.VersionEntry
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.crdt.VersionEntry & lattice.crdt.VersionEntry.$Shape} VersionEntry
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
                message = _target || new $root.lattice.crdt.VersionEntry();
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
                                message.replica = value;
                            else
                                delete message.replica;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.counter = value;
                            else
                                delete message.counter;
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
             * @memberof lattice.crdt.VersionEntry
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            VersionEntry.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.crdt.VersionEntry";
            };

            return VersionEntry;
        })();

        crdt.CloudEntry = (function() {

            /**
             * Properties of a CloudEntry.
             * @typedef {Object} lattice.crdt.CloudEntry.$Properties
             * @property {number|null} [replica] CloudEntry replica
             * @property {Array.<number>|null} [counters] CloudEntry counters
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CloudEntry.
             * @memberof lattice.crdt
             * @interface ICloudEntry
             * @augments lattice.crdt.CloudEntry.$Properties
             * @deprecated Use lattice.crdt.CloudEntry.$Properties instead.
             */

            /**
             * Shape of a CloudEntry.
             * @typedef {lattice.crdt.CloudEntry.$Properties} lattice.crdt.CloudEntry.$Shape
             */

            /**
             * Constructs a new CloudEntry.
             * @memberof lattice.crdt
             * @classdesc Represents a CloudEntry.
             * @constructor
             * @param {lattice.crdt.CloudEntry.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CloudEntry = function (properties) {
                this.counters = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CloudEntry replica.
             * @member {number} replica
             * @memberof lattice.crdt.CloudEntry
             * @instance
             */
            CloudEntry.prototype.replica = 0;

            /**
             * CloudEntry counters.
             * @member {Array.<number>} counters
             * @memberof lattice.crdt.CloudEntry
             * @instance
             */
            CloudEntry.prototype.counters = $util.emptyArray;

            /**
             * Encodes the specified CloudEntry message. Does not implicitly {@link lattice.crdt.CloudEntry.verify|verify} messages.
             * @function encode
             * @memberof lattice.crdt.CloudEntry
             * @static
             * @param {lattice.crdt.CloudEntry.$Properties} message CloudEntry message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CloudEntry.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.replica != null && $Object.hasOwnProperty.call(message, "replica") && message.replica !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.replica);
                if (message.counters != null && message.counters.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).uint64s(message.counters);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a CloudEntry message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.crdt.CloudEntry
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.crdt.CloudEntry & lattice.crdt.CloudEntry.$Shape} CloudEntry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CloudEntry.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.crdt.CloudEntry();
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
                                message.replica = value;
                            else
                                delete message.replica;
                            continue;
                        }
                    case 2: {
                            if (wireType === 2) {
                                if (!(message.counters && message.counters.length))
                                    message.counters = [];
                                reader.uint64s(message.counters);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.counters && message.counters.length))
                                message.counters = [];
                            message.counters.push(reader.uint64());
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
             * Gets the type url for CloudEntry
             * @function getTypeUrl
             * @memberof lattice.crdt.CloudEntry
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            CloudEntry.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.crdt.CloudEntry";
            };

            return CloudEntry;
        })();

        crdt.Dot = (function() {

            /**
             * Properties of a Dot.
             * @typedef {Object} lattice.crdt.Dot.$Properties
             * @property {number|null} [replica] Dot replica
             * @property {number|null} [counter] Dot counter
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Dot.
             * @memberof lattice.crdt
             * @interface IDot
             * @augments lattice.crdt.Dot.$Properties
             * @deprecated Use lattice.crdt.Dot.$Properties instead.
             */

            /**
             * Shape of a Dot.
             * @typedef {lattice.crdt.Dot.$Properties} lattice.crdt.Dot.$Shape
             */

            /**
             * Constructs a new Dot.
             * @memberof lattice.crdt
             * @classdesc Represents a Dot.
             * @constructor
             * @param {lattice.crdt.Dot.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Dot = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Dot replica.
             * @member {number} replica
             * @memberof lattice.crdt.Dot
             * @instance
             */
            Dot.prototype.replica = 0;

            /**
             * Dot counter.
             * @member {number} counter
             * @memberof lattice.crdt.Dot
             * @instance
             */
            Dot.prototype.counter = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Encodes the specified Dot message. Does not implicitly {@link lattice.crdt.Dot.verify|verify} messages.
             * @function encode
             * @memberof lattice.crdt.Dot
             * @static
             * @param {lattice.crdt.Dot.$Properties} message Dot message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Dot.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.replica != null && $Object.hasOwnProperty.call(message, "replica") && message.replica !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.replica);
                if (message.counter != null && $Object.hasOwnProperty.call(message, "counter") && (typeof message.counter === "object" ? message.counter.low || message.counter.high : message.counter !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.counter);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Dot message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.crdt.Dot
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.crdt.Dot & lattice.crdt.Dot.$Shape} Dot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Dot.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.crdt.Dot();
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
                                message.replica = value;
                            else
                                delete message.replica;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.counter = value;
                            else
                                delete message.counter;
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
             * Gets the type url for Dot
             * @function getTypeUrl
             * @memberof lattice.crdt.Dot
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Dot.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.crdt.Dot";
            };

            return Dot;
        })();

        crdt.Store = (function() {

            /**
             * Properties of a Store.
             * @typedef {Object} lattice.crdt.Store.$Properties
             * @property {lattice.crdt.CounterStore.$Properties|null} [counter] Store counter
             * @property {lattice.crdt.SetStore.$Properties|null} [set] Store set
             * @property {lattice.crdt.RegisterStore.$Properties|null} [register] Store register
             * @property {lattice.crdt.FlagStore.$Properties|null} [flag] Store flag
             * @property {lattice.crdt.MapStore.$Properties|null} [map] Store map
             * @property {lattice.crdt.VoteStore.$Properties|null} [vote] Store vote
             * @property {"counter"|"set"|"register"|"flag"|"map"|"vote"} [kind] Store kind
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Store.
             * @memberof lattice.crdt
             * @interface IStore
             * @augments lattice.crdt.Store.$Properties
             * @deprecated Use lattice.crdt.Store.$Properties instead.
             */

            /**
             * Narrowed shape of a Store.
             * @typedef {{
             *   counter?: lattice.crdt.CounterStore.$Shape|null;
             *   set?: lattice.crdt.SetStore.$Shape|null;
             *   register?: lattice.crdt.RegisterStore.$Shape|null;
             *   flag?: lattice.crdt.FlagStore.$Shape|null;
             *   map?: lattice.crdt.MapStore.$Shape|null;
             *   vote?: lattice.crdt.VoteStore.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ kind?: undefined; counter?: null; set?: null; register?: null; flag?: null; map?: null; vote?: null }|{ kind?: "counter"; counter: lattice.crdt.CounterStore.$Shape; set?: null; register?: null; flag?: null; map?: null; vote?: null }|{ kind?: "set"; counter?: null; set: lattice.crdt.SetStore.$Shape; register?: null; flag?: null; map?: null; vote?: null }|{ kind?: "register"; counter?: null; set?: null; register: lattice.crdt.RegisterStore.$Shape; flag?: null; map?: null; vote?: null }|{ kind?: "flag"; counter?: null; set?: null; register?: null; flag: lattice.crdt.FlagStore.$Shape; map?: null; vote?: null }|{ kind?: "map"; counter?: null; set?: null; register?: null; flag?: null; map: lattice.crdt.MapStore.$Shape; vote?: null }|{ kind?: "vote"; counter?: null; set?: null; register?: null; flag?: null; map?: null; vote: lattice.crdt.VoteStore.$Shape })
             * )} lattice.crdt.Store.$Shape
             */

            /**
             * Constructs a new Store.
             * @memberof lattice.crdt
             * @classdesc Represents a Store.
             * @constructor
             * @param {lattice.crdt.Store.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Store = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Store counter.
             * @member {lattice.crdt.CounterStore.$Properties|null|undefined} counter
             * @memberof lattice.crdt.Store
             * @instance
             */
            Store.prototype.counter = null;

            /**
             * Store set.
             * @member {lattice.crdt.SetStore.$Properties|null|undefined} set
             * @memberof lattice.crdt.Store
             * @instance
             */
            Store.prototype.set = null;

            /**
             * Store register.
             * @member {lattice.crdt.RegisterStore.$Properties|null|undefined} register
             * @memberof lattice.crdt.Store
             * @instance
             */
            Store.prototype.register = null;

            /**
             * Store flag.
             * @member {lattice.crdt.FlagStore.$Properties|null|undefined} flag
             * @memberof lattice.crdt.Store
             * @instance
             */
            Store.prototype.flag = null;

            /**
             * Store map.
             * @member {lattice.crdt.MapStore.$Properties|null|undefined} map
             * @memberof lattice.crdt.Store
             * @instance
             */
            Store.prototype.map = null;

            /**
             * Store vote.
             * @member {lattice.crdt.VoteStore.$Properties|null|undefined} vote
             * @memberof lattice.crdt.Store
             * @instance
             */
            Store.prototype.vote = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Store kind.
             * @member {"counter"|"set"|"register"|"flag"|"map"|"vote"|undefined} kind
             * @memberof lattice.crdt.Store
             * @instance
             */
            $Object.defineProperty(Store.prototype, "kind", {
                get: $util.oneOfGetter($oneOfFields = ["counter", "set", "register", "flag", "map", "vote"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Encodes the specified Store message. Does not implicitly {@link lattice.crdt.Store.verify|verify} messages.
             * @function encode
             * @memberof lattice.crdt.Store
             * @static
             * @param {lattice.crdt.Store.$Properties} message Store message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Store.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.counter != null && $Object.hasOwnProperty.call(message, "counter"))
                    $root.lattice.crdt.CounterStore.encode(message.counter, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.set != null && $Object.hasOwnProperty.call(message, "set"))
                    $root.lattice.crdt.SetStore.encode(message.set, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.register != null && $Object.hasOwnProperty.call(message, "register"))
                    $root.lattice.crdt.RegisterStore.encode(message.register, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.flag != null && $Object.hasOwnProperty.call(message, "flag"))
                    $root.lattice.crdt.FlagStore.encode(message.flag, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.map != null && $Object.hasOwnProperty.call(message, "map"))
                    $root.lattice.crdt.MapStore.encode(message.map, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.vote != null && $Object.hasOwnProperty.call(message, "vote"))
                    $root.lattice.crdt.VoteStore.encode(message.vote, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Store message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.crdt.Store
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.crdt.Store & lattice.crdt.Store.$Shape} Store
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Store.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.crdt.Store();
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
                            message.counter = $root.lattice.crdt.CounterStore.decode(reader, reader.size(), $undefined, _depth + 1, message.counter);
                            message.kind = "counter";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.set = $root.lattice.crdt.SetStore.decode(reader, reader.size(), $undefined, _depth + 1, message.set);
                            message.kind = "set";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.register = $root.lattice.crdt.RegisterStore.decode(reader, reader.size(), $undefined, _depth + 1, message.register);
                            message.kind = "register";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.flag = $root.lattice.crdt.FlagStore.decode(reader, reader.size(), $undefined, _depth + 1, message.flag);
                            message.kind = "flag";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.map = $root.lattice.crdt.MapStore.decode(reader, reader.size(), $undefined, _depth + 1, message.map);
                            message.kind = "map";
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.vote = $root.lattice.crdt.VoteStore.decode(reader, reader.size(), $undefined, _depth + 1, message.vote);
                            message.kind = "vote";
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
             * Gets the type url for Store
             * @function getTypeUrl
             * @memberof lattice.crdt.Store
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Store.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.crdt.Store";
            };

            return Store;
        })();

        crdt.CounterStore = (function() {

            /**
             * Properties of a CounterStore.
             * @typedef {Object} lattice.crdt.CounterStore.$Properties
             * @property {Array.<lattice.crdt.CounterEntry.$Properties>|null} [entries] CounterStore entries
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CounterStore.
             * @memberof lattice.crdt
             * @interface ICounterStore
             * @augments lattice.crdt.CounterStore.$Properties
             * @deprecated Use lattice.crdt.CounterStore.$Properties instead.
             */

            /**
             * Shape of a CounterStore.
             * @typedef {lattice.crdt.CounterStore.$Properties} lattice.crdt.CounterStore.$Shape
             */

            /**
             * Constructs a new CounterStore.
             * @memberof lattice.crdt
             * @classdesc Represents a CounterStore.
             * @constructor
             * @param {lattice.crdt.CounterStore.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CounterStore = function (properties) {
                this.entries = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CounterStore entries.
             * @member {Array.<lattice.crdt.CounterEntry.$Properties>} entries
             * @memberof lattice.crdt.CounterStore
             * @instance
             */
            CounterStore.prototype.entries = $util.emptyArray;

            /**
             * Encodes the specified CounterStore message. Does not implicitly {@link lattice.crdt.CounterStore.verify|verify} messages.
             * @function encode
             * @memberof lattice.crdt.CounterStore
             * @static
             * @param {lattice.crdt.CounterStore.$Properties} message CounterStore message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CounterStore.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.entries != null && message.entries.length)
                    for (let i = 0; i < message.entries.length; ++i)
                        $root.lattice.crdt.CounterEntry.encode(message.entries[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a CounterStore message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.crdt.CounterStore
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.crdt.CounterStore & lattice.crdt.CounterStore.$Shape} CounterStore
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CounterStore.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.crdt.CounterStore();
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
                            if (!(message.entries && message.entries.length))
                                message.entries = [];
                            message.entries.push($root.lattice.crdt.CounterEntry.decode(reader, reader.size(), $undefined, _depth + 1));
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
             * Gets the type url for CounterStore
             * @function getTypeUrl
             * @memberof lattice.crdt.CounterStore
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            CounterStore.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.crdt.CounterStore";
            };

            return CounterStore;
        })();

        crdt.CounterEntry = (function() {

            /**
             * Properties of a CounterEntry.
             * @typedef {Object} lattice.crdt.CounterEntry.$Properties
             * @property {lattice.crdt.Dot.$Properties|null} [dot] CounterEntry dot
             * @property {number|null} [p] CounterEntry p
             * @property {number|null} [n] CounterEntry n
             * @property {number|null} [baseP] CounterEntry baseP
             * @property {number|null} [baseN] CounterEntry baseN
             * @property {boolean|null} [floor] CounterEntry floor
             * @property {number|null} [target] CounterEntry target
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CounterEntry.
             * @memberof lattice.crdt
             * @interface ICounterEntry
             * @augments lattice.crdt.CounterEntry.$Properties
             * @deprecated Use lattice.crdt.CounterEntry.$Properties instead.
             */

            /**
             * Shape of a CounterEntry.
             * @typedef {lattice.crdt.CounterEntry.$Properties} lattice.crdt.CounterEntry.$Shape
             */

            /**
             * Constructs a new CounterEntry.
             * @memberof lattice.crdt
             * @classdesc Represents a CounterEntry.
             * @constructor
             * @param {lattice.crdt.CounterEntry.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CounterEntry = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CounterEntry dot.
             * @member {lattice.crdt.Dot.$Properties|null|undefined} dot
             * @memberof lattice.crdt.CounterEntry
             * @instance
             */
            CounterEntry.prototype.dot = null;

            /**
             * CounterEntry p.
             * @member {number} p
             * @memberof lattice.crdt.CounterEntry
             * @instance
             */
            CounterEntry.prototype.p = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * CounterEntry n.
             * @member {number} n
             * @memberof lattice.crdt.CounterEntry
             * @instance
             */
            CounterEntry.prototype.n = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * CounterEntry baseP.
             * @member {number} baseP
             * @memberof lattice.crdt.CounterEntry
             * @instance
             */
            CounterEntry.prototype.baseP = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * CounterEntry baseN.
             * @member {number} baseN
             * @memberof lattice.crdt.CounterEntry
             * @instance
             */
            CounterEntry.prototype.baseN = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * CounterEntry floor.
             * @member {boolean} floor
             * @memberof lattice.crdt.CounterEntry
             * @instance
             */
            CounterEntry.prototype.floor = false;

            /**
             * CounterEntry target.
             * @member {number} target
             * @memberof lattice.crdt.CounterEntry
             * @instance
             */
            CounterEntry.prototype.target = 0;

            /**
             * Encodes the specified CounterEntry message. Does not implicitly {@link lattice.crdt.CounterEntry.verify|verify} messages.
             * @function encode
             * @memberof lattice.crdt.CounterEntry
             * @static
             * @param {lattice.crdt.CounterEntry.$Properties} message CounterEntry message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CounterEntry.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.dot != null && $Object.hasOwnProperty.call(message, "dot"))
                    $root.lattice.crdt.Dot.encode(message.dot, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.p != null && $Object.hasOwnProperty.call(message, "p") && (typeof message.p === "object" ? message.p.low || message.p.high : message.p !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.p);
                if (message.n != null && $Object.hasOwnProperty.call(message, "n") && (typeof message.n === "object" ? message.n.low || message.n.high : message.n !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.n);
                if (message.baseP != null && $Object.hasOwnProperty.call(message, "baseP") && (typeof message.baseP === "object" ? message.baseP.low || message.baseP.high : message.baseP !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.baseP);
                if (message.baseN != null && $Object.hasOwnProperty.call(message, "baseN") && (typeof message.baseN === "object" ? message.baseN.low || message.baseN.high : message.baseN !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.baseN);
                if (message.floor != null && $Object.hasOwnProperty.call(message, "floor") && message.floor !== false)
                    writer.uint32(/* id 6, wireType 0 =*/48).bool(message.floor);
                if (message.target != null && $Object.hasOwnProperty.call(message, "target") && message.target !== 0)
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.target);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a CounterEntry message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.crdt.CounterEntry
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.crdt.CounterEntry & lattice.crdt.CounterEntry.$Shape} CounterEntry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CounterEntry.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.crdt.CounterEntry();
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
                            message.dot = $root.lattice.crdt.Dot.decode(reader, reader.size(), $undefined, _depth + 1, message.dot);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.p = value;
                            else
                                delete message.p;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.n = value;
                            else
                                delete message.n;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.baseP = value;
                            else
                                delete message.baseP;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.baseN = value;
                            else
                                delete message.baseN;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.floor = value;
                            else
                                delete message.floor;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.target = value;
                            else
                                delete message.target;
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
             * Gets the type url for CounterEntry
             * @function getTypeUrl
             * @memberof lattice.crdt.CounterEntry
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            CounterEntry.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.crdt.CounterEntry";
            };

            return CounterEntry;
        })();

        crdt.SetStore = (function() {

            /**
             * Properties of a SetStore.
             * @typedef {Object} lattice.crdt.SetStore.$Properties
             * @property {Array.<lattice.crdt.SetMember.$Properties>|null} [members] SetStore members
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SetStore.
             * @memberof lattice.crdt
             * @interface ISetStore
             * @augments lattice.crdt.SetStore.$Properties
             * @deprecated Use lattice.crdt.SetStore.$Properties instead.
             */

            /**
             * Shape of a SetStore.
             * @typedef {lattice.crdt.SetStore.$Properties} lattice.crdt.SetStore.$Shape
             */

            /**
             * Constructs a new SetStore.
             * @memberof lattice.crdt
             * @classdesc Represents a SetStore.
             * @constructor
             * @param {lattice.crdt.SetStore.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SetStore = function (properties) {
                this.members = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SetStore members.
             * @member {Array.<lattice.crdt.SetMember.$Properties>} members
             * @memberof lattice.crdt.SetStore
             * @instance
             */
            SetStore.prototype.members = $util.emptyArray;

            /**
             * Encodes the specified SetStore message. Does not implicitly {@link lattice.crdt.SetStore.verify|verify} messages.
             * @function encode
             * @memberof lattice.crdt.SetStore
             * @static
             * @param {lattice.crdt.SetStore.$Properties} message SetStore message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SetStore.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.members != null && message.members.length)
                    for (let i = 0; i < message.members.length; ++i)
                        $root.lattice.crdt.SetMember.encode(message.members[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a SetStore message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.crdt.SetStore
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.crdt.SetStore & lattice.crdt.SetStore.$Shape} SetStore
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SetStore.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.crdt.SetStore();
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
                            message.members.push($root.lattice.crdt.SetMember.decode(reader, reader.size(), $undefined, _depth + 1));
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
             * Gets the type url for SetStore
             * @function getTypeUrl
             * @memberof lattice.crdt.SetStore
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SetStore.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.crdt.SetStore";
            };

            return SetStore;
        })();

        crdt.SetMember = (function() {

            /**
             * Properties of a SetMember.
             * @typedef {Object} lattice.crdt.SetMember.$Properties
             * @property {string|null} [value] SetMember value
             * @property {Array.<lattice.crdt.Dot.$Properties>|null} [dots] SetMember dots
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SetMember.
             * @memberof lattice.crdt
             * @interface ISetMember
             * @augments lattice.crdt.SetMember.$Properties
             * @deprecated Use lattice.crdt.SetMember.$Properties instead.
             */

            /**
             * Shape of a SetMember.
             * @typedef {lattice.crdt.SetMember.$Properties} lattice.crdt.SetMember.$Shape
             */

            /**
             * Constructs a new SetMember.
             * @memberof lattice.crdt
             * @classdesc Represents a SetMember.
             * @constructor
             * @param {lattice.crdt.SetMember.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SetMember = function (properties) {
                this.dots = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SetMember value.
             * @member {string} value
             * @memberof lattice.crdt.SetMember
             * @instance
             */
            SetMember.prototype.value = "";

            /**
             * SetMember dots.
             * @member {Array.<lattice.crdt.Dot.$Properties>} dots
             * @memberof lattice.crdt.SetMember
             * @instance
             */
            SetMember.prototype.dots = $util.emptyArray;

            /**
             * Encodes the specified SetMember message. Does not implicitly {@link lattice.crdt.SetMember.verify|verify} messages.
             * @function encode
             * @memberof lattice.crdt.SetMember
             * @static
             * @param {lattice.crdt.SetMember.$Properties} message SetMember message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SetMember.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.value != null && $Object.hasOwnProperty.call(message, "value") && message.value !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.value);
                if (message.dots != null && message.dots.length)
                    for (let i = 0; i < message.dots.length; ++i)
                        $root.lattice.crdt.Dot.encode(message.dots[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a SetMember message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.crdt.SetMember
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.crdt.SetMember & lattice.crdt.SetMember.$Shape} SetMember
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SetMember.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.crdt.SetMember();
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
                                message.value = value;
                            else
                                delete message.value;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.dots && message.dots.length))
                                message.dots = [];
                            message.dots.push($root.lattice.crdt.Dot.decode(reader, reader.size(), $undefined, _depth + 1));
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
             * Gets the type url for SetMember
             * @function getTypeUrl
             * @memberof lattice.crdt.SetMember
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SetMember.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.crdt.SetMember";
            };

            return SetMember;
        })();

        crdt.RegisterStore = (function() {

            /**
             * Properties of a RegisterStore.
             * @typedef {Object} lattice.crdt.RegisterStore.$Properties
             * @property {Array.<lattice.crdt.RegisterEntry.$Properties>|null} [entries] RegisterStore entries
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RegisterStore.
             * @memberof lattice.crdt
             * @interface IRegisterStore
             * @augments lattice.crdt.RegisterStore.$Properties
             * @deprecated Use lattice.crdt.RegisterStore.$Properties instead.
             */

            /**
             * Shape of a RegisterStore.
             * @typedef {lattice.crdt.RegisterStore.$Properties} lattice.crdt.RegisterStore.$Shape
             */

            /**
             * Constructs a new RegisterStore.
             * @memberof lattice.crdt
             * @classdesc Represents a RegisterStore.
             * @constructor
             * @param {lattice.crdt.RegisterStore.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RegisterStore = function (properties) {
                this.entries = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RegisterStore entries.
             * @member {Array.<lattice.crdt.RegisterEntry.$Properties>} entries
             * @memberof lattice.crdt.RegisterStore
             * @instance
             */
            RegisterStore.prototype.entries = $util.emptyArray;

            /**
             * Encodes the specified RegisterStore message. Does not implicitly {@link lattice.crdt.RegisterStore.verify|verify} messages.
             * @function encode
             * @memberof lattice.crdt.RegisterStore
             * @static
             * @param {lattice.crdt.RegisterStore.$Properties} message RegisterStore message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RegisterStore.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.entries != null && message.entries.length)
                    for (let i = 0; i < message.entries.length; ++i)
                        $root.lattice.crdt.RegisterEntry.encode(message.entries[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a RegisterStore message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.crdt.RegisterStore
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.crdt.RegisterStore & lattice.crdt.RegisterStore.$Shape} RegisterStore
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RegisterStore.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.crdt.RegisterStore();
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
                            if (!(message.entries && message.entries.length))
                                message.entries = [];
                            message.entries.push($root.lattice.crdt.RegisterEntry.decode(reader, reader.size(), $undefined, _depth + 1));
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
             * Gets the type url for RegisterStore
             * @function getTypeUrl
             * @memberof lattice.crdt.RegisterStore
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RegisterStore.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.crdt.RegisterStore";
            };

            return RegisterStore;
        })();

        crdt.RegisterEntry = (function() {

            /**
             * Properties of a RegisterEntry.
             * @typedef {Object} lattice.crdt.RegisterEntry.$Properties
             * @property {lattice.crdt.Dot.$Properties|null} [dot] RegisterEntry dot
             * @property {string|null} [value] RegisterEntry value
             * @property {number|null} [clock] RegisterEntry clock
             * @property {number|null} [writer] RegisterEntry writer
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RegisterEntry.
             * @memberof lattice.crdt
             * @interface IRegisterEntry
             * @augments lattice.crdt.RegisterEntry.$Properties
             * @deprecated Use lattice.crdt.RegisterEntry.$Properties instead.
             */

            /**
             * Shape of a RegisterEntry.
             * @typedef {lattice.crdt.RegisterEntry.$Properties} lattice.crdt.RegisterEntry.$Shape
             */

            /**
             * Constructs a new RegisterEntry.
             * @memberof lattice.crdt
             * @classdesc Represents a RegisterEntry.
             * @constructor
             * @param {lattice.crdt.RegisterEntry.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RegisterEntry = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RegisterEntry dot.
             * @member {lattice.crdt.Dot.$Properties|null|undefined} dot
             * @memberof lattice.crdt.RegisterEntry
             * @instance
             */
            RegisterEntry.prototype.dot = null;

            /**
             * RegisterEntry value.
             * @member {string} value
             * @memberof lattice.crdt.RegisterEntry
             * @instance
             */
            RegisterEntry.prototype.value = "";

            /**
             * RegisterEntry clock.
             * @member {number} clock
             * @memberof lattice.crdt.RegisterEntry
             * @instance
             */
            RegisterEntry.prototype.clock = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * RegisterEntry writer.
             * @member {number} writer
             * @memberof lattice.crdt.RegisterEntry
             * @instance
             */
            RegisterEntry.prototype.writer = 0;

            /**
             * Encodes the specified RegisterEntry message. Does not implicitly {@link lattice.crdt.RegisterEntry.verify|verify} messages.
             * @function encode
             * @memberof lattice.crdt.RegisterEntry
             * @static
             * @param {lattice.crdt.RegisterEntry.$Properties} message RegisterEntry message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RegisterEntry.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.dot != null && $Object.hasOwnProperty.call(message, "dot"))
                    $root.lattice.crdt.Dot.encode(message.dot, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.value != null && $Object.hasOwnProperty.call(message, "value") && message.value !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.value);
                if (message.clock != null && $Object.hasOwnProperty.call(message, "clock") && (typeof message.clock === "object" ? message.clock.low || message.clock.high : message.clock !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).sint64(message.clock);
                if (message.writer != null && $Object.hasOwnProperty.call(message, "writer") && message.writer !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.writer);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a RegisterEntry message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.crdt.RegisterEntry
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.crdt.RegisterEntry & lattice.crdt.RegisterEntry.$Shape} RegisterEntry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RegisterEntry.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.crdt.RegisterEntry();
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
                            message.dot = $root.lattice.crdt.Dot.decode(reader, reader.size(), $undefined, _depth + 1, message.dot);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.value = value;
                            else
                                delete message.value;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.sint64()) === "object" ? value.low || value.high : value !== 0)
                                message.clock = value;
                            else
                                delete message.clock;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.writer = value;
                            else
                                delete message.writer;
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
             * Gets the type url for RegisterEntry
             * @function getTypeUrl
             * @memberof lattice.crdt.RegisterEntry
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RegisterEntry.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.crdt.RegisterEntry";
            };

            return RegisterEntry;
        })();

        crdt.FlagStore = (function() {

            /**
             * Properties of a FlagStore.
             * @typedef {Object} lattice.crdt.FlagStore.$Properties
             * @property {Array.<lattice.crdt.Dot.$Properties>|null} [dots] FlagStore dots
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FlagStore.
             * @memberof lattice.crdt
             * @interface IFlagStore
             * @augments lattice.crdt.FlagStore.$Properties
             * @deprecated Use lattice.crdt.FlagStore.$Properties instead.
             */

            /**
             * Shape of a FlagStore.
             * @typedef {lattice.crdt.FlagStore.$Properties} lattice.crdt.FlagStore.$Shape
             */

            /**
             * Constructs a new FlagStore.
             * @memberof lattice.crdt
             * @classdesc Represents a FlagStore.
             * @constructor
             * @param {lattice.crdt.FlagStore.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FlagStore = function (properties) {
                this.dots = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * FlagStore dots.
             * @member {Array.<lattice.crdt.Dot.$Properties>} dots
             * @memberof lattice.crdt.FlagStore
             * @instance
             */
            FlagStore.prototype.dots = $util.emptyArray;

            /**
             * Encodes the specified FlagStore message. Does not implicitly {@link lattice.crdt.FlagStore.verify|verify} messages.
             * @function encode
             * @memberof lattice.crdt.FlagStore
             * @static
             * @param {lattice.crdt.FlagStore.$Properties} message FlagStore message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FlagStore.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.dots != null && message.dots.length)
                    for (let i = 0; i < message.dots.length; ++i)
                        $root.lattice.crdt.Dot.encode(message.dots[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a FlagStore message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.crdt.FlagStore
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.crdt.FlagStore & lattice.crdt.FlagStore.$Shape} FlagStore
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FlagStore.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.crdt.FlagStore();
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
                            if (!(message.dots && message.dots.length))
                                message.dots = [];
                            message.dots.push($root.lattice.crdt.Dot.decode(reader, reader.size(), $undefined, _depth + 1));
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
             * Gets the type url for FlagStore
             * @function getTypeUrl
             * @memberof lattice.crdt.FlagStore
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            FlagStore.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.crdt.FlagStore";
            };

            return FlagStore;
        })();

        crdt.VoteStore = (function() {

            /**
             * Properties of a VoteStore.
             * @typedef {Object} lattice.crdt.VoteStore.$Properties
             * @property {Array.<lattice.crdt.VoteEntry.$Properties>|null} [entries] VoteStore entries
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a VoteStore.
             * @memberof lattice.crdt
             * @interface IVoteStore
             * @augments lattice.crdt.VoteStore.$Properties
             * @deprecated Use lattice.crdt.VoteStore.$Properties instead.
             */

            /**
             * Shape of a VoteStore.
             * @typedef {lattice.crdt.VoteStore.$Properties} lattice.crdt.VoteStore.$Shape
             */

            /**
             * Constructs a new VoteStore.
             * @memberof lattice.crdt
             * @classdesc Represents a VoteStore.
             * @constructor
             * @param {lattice.crdt.VoteStore.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const VoteStore = function (properties) {
                this.entries = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * VoteStore entries.
             * @member {Array.<lattice.crdt.VoteEntry.$Properties>} entries
             * @memberof lattice.crdt.VoteStore
             * @instance
             */
            VoteStore.prototype.entries = $util.emptyArray;

            /**
             * Encodes the specified VoteStore message. Does not implicitly {@link lattice.crdt.VoteStore.verify|verify} messages.
             * @function encode
             * @memberof lattice.crdt.VoteStore
             * @static
             * @param {lattice.crdt.VoteStore.$Properties} message VoteStore message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            VoteStore.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.entries != null && message.entries.length)
                    for (let i = 0; i < message.entries.length; ++i)
                        $root.lattice.crdt.VoteEntry.encode(message.entries[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a VoteStore message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.crdt.VoteStore
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.crdt.VoteStore & lattice.crdt.VoteStore.$Shape} VoteStore
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            VoteStore.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.crdt.VoteStore();
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
                            if (!(message.entries && message.entries.length))
                                message.entries = [];
                            message.entries.push($root.lattice.crdt.VoteEntry.decode(reader, reader.size(), $undefined, _depth + 1));
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
             * Gets the type url for VoteStore
             * @function getTypeUrl
             * @memberof lattice.crdt.VoteStore
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            VoteStore.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.crdt.VoteStore";
            };

            return VoteStore;
        })();

        crdt.VoteEntry = (function() {

            /**
             * Properties of a VoteEntry.
             * @typedef {Object} lattice.crdt.VoteEntry.$Properties
             * @property {lattice.crdt.Dot.$Properties|null} [dot] VoteEntry dot
             * @property {boolean|null} [value] VoteEntry value
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a VoteEntry.
             * @memberof lattice.crdt
             * @interface IVoteEntry
             * @augments lattice.crdt.VoteEntry.$Properties
             * @deprecated Use lattice.crdt.VoteEntry.$Properties instead.
             */

            /**
             * Shape of a VoteEntry.
             * @typedef {lattice.crdt.VoteEntry.$Properties} lattice.crdt.VoteEntry.$Shape
             */

            /**
             * Constructs a new VoteEntry.
             * @memberof lattice.crdt
             * @classdesc Represents a VoteEntry.
             * @constructor
             * @param {lattice.crdt.VoteEntry.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const VoteEntry = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * VoteEntry dot.
             * @member {lattice.crdt.Dot.$Properties|null|undefined} dot
             * @memberof lattice.crdt.VoteEntry
             * @instance
             */
            VoteEntry.prototype.dot = null;

            /**
             * VoteEntry value.
             * @member {boolean} value
             * @memberof lattice.crdt.VoteEntry
             * @instance
             */
            VoteEntry.prototype.value = false;

            /**
             * Encodes the specified VoteEntry message. Does not implicitly {@link lattice.crdt.VoteEntry.verify|verify} messages.
             * @function encode
             * @memberof lattice.crdt.VoteEntry
             * @static
             * @param {lattice.crdt.VoteEntry.$Properties} message VoteEntry message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            VoteEntry.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.dot != null && $Object.hasOwnProperty.call(message, "dot"))
                    $root.lattice.crdt.Dot.encode(message.dot, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.value != null && $Object.hasOwnProperty.call(message, "value") && message.value !== false)
                    writer.uint32(/* id 2, wireType 0 =*/16).bool(message.value);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a VoteEntry message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.crdt.VoteEntry
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.crdt.VoteEntry & lattice.crdt.VoteEntry.$Shape} VoteEntry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            VoteEntry.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.crdt.VoteEntry();
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
                            message.dot = $root.lattice.crdt.Dot.decode(reader, reader.size(), $undefined, _depth + 1, message.dot);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.value = value;
                            else
                                delete message.value;
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
             * Gets the type url for VoteEntry
             * @function getTypeUrl
             * @memberof lattice.crdt.VoteEntry
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            VoteEntry.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.crdt.VoteEntry";
            };

            return VoteEntry;
        })();

        crdt.MapStore = (function() {

            /**
             * Properties of a MapStore.
             * @typedef {Object} lattice.crdt.MapStore.$Properties
             * @property {Array.<lattice.crdt.MapEntry.$Properties>|null} [entries] MapStore entries
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a MapStore.
             * @memberof lattice.crdt
             * @interface IMapStore
             * @augments lattice.crdt.MapStore.$Properties
             * @deprecated Use lattice.crdt.MapStore.$Properties instead.
             */

            /**
             * Shape of a MapStore.
             * @typedef {lattice.crdt.MapStore.$Properties} lattice.crdt.MapStore.$Shape
             */

            /**
             * Constructs a new MapStore.
             * @memberof lattice.crdt
             * @classdesc Represents a MapStore.
             * @constructor
             * @param {lattice.crdt.MapStore.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const MapStore = function (properties) {
                this.entries = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * MapStore entries.
             * @member {Array.<lattice.crdt.MapEntry.$Properties>} entries
             * @memberof lattice.crdt.MapStore
             * @instance
             */
            MapStore.prototype.entries = $util.emptyArray;

            /**
             * Encodes the specified MapStore message. Does not implicitly {@link lattice.crdt.MapStore.verify|verify} messages.
             * @function encode
             * @memberof lattice.crdt.MapStore
             * @static
             * @param {lattice.crdt.MapStore.$Properties} message MapStore message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            MapStore.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.entries != null && message.entries.length)
                    for (let i = 0; i < message.entries.length; ++i)
                        $root.lattice.crdt.MapEntry.encode(message.entries[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a MapStore message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.crdt.MapStore
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.crdt.MapStore & lattice.crdt.MapStore.$Shape} MapStore
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            MapStore.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.crdt.MapStore();
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
                            if (!(message.entries && message.entries.length))
                                message.entries = [];
                            message.entries.push($root.lattice.crdt.MapEntry.decode(reader, reader.size(), $undefined, _depth + 1));
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
             * Gets the type url for MapStore
             * @function getTypeUrl
             * @memberof lattice.crdt.MapStore
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            MapStore.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.crdt.MapStore";
            };

            return MapStore;
        })();

        crdt.MapEntry = (function() {

            /**
             * Properties of a MapEntry.
             * @typedef {Object} lattice.crdt.MapEntry.$Properties
             * @property {string|null} [key] MapEntry key
             * @property {lattice.crdt.CrdtType|null} [type] MapEntry type
             * @property {Array.<lattice.crdt.Dot.$Properties>|null} [presence] MapEntry presence
             * @property {Uint8Array|null} [value] MapEntry value
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a MapEntry.
             * @memberof lattice.crdt
             * @interface IMapEntry
             * @augments lattice.crdt.MapEntry.$Properties
             * @deprecated Use lattice.crdt.MapEntry.$Properties instead.
             */

            /**
             * Shape of a MapEntry.
             * @typedef {lattice.crdt.MapEntry.$Properties} lattice.crdt.MapEntry.$Shape
             */

            /**
             * Constructs a new MapEntry.
             * @memberof lattice.crdt
             * @classdesc Represents a MapEntry.
             * @constructor
             * @param {lattice.crdt.MapEntry.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const MapEntry = function (properties) {
                this.presence = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * MapEntry key.
             * @member {string} key
             * @memberof lattice.crdt.MapEntry
             * @instance
             */
            MapEntry.prototype.key = "";

            /**
             * MapEntry type.
             * @member {lattice.crdt.CrdtType} type
             * @memberof lattice.crdt.MapEntry
             * @instance
             */
            MapEntry.prototype.type = 0;

            /**
             * MapEntry presence.
             * @member {Array.<lattice.crdt.Dot.$Properties>} presence
             * @memberof lattice.crdt.MapEntry
             * @instance
             */
            MapEntry.prototype.presence = $util.emptyArray;

            /**
             * MapEntry value.
             * @member {Uint8Array} value
             * @memberof lattice.crdt.MapEntry
             * @instance
             */
            MapEntry.prototype.value = $util.newBuffer([]);

            /**
             * Encodes the specified MapEntry message. Does not implicitly {@link lattice.crdt.MapEntry.verify|verify} messages.
             * @function encode
             * @memberof lattice.crdt.MapEntry
             * @static
             * @param {lattice.crdt.MapEntry.$Properties} message MapEntry message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            MapEntry.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.key != null && $Object.hasOwnProperty.call(message, "key") && message.key !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.key);
                if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.type);
                if (message.presence != null && message.presence.length)
                    for (let i = 0; i < message.presence.length; ++i)
                        $root.lattice.crdt.Dot.encode(message.presence[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.value != null && $Object.hasOwnProperty.call(message, "value") && message.value.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.value);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a MapEntry message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.crdt.MapEntry
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.crdt.MapEntry & lattice.crdt.MapEntry.$Shape} MapEntry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            MapEntry.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.crdt.MapEntry();
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
                                message.key = value;
                            else
                                delete message.key;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.presence && message.presence.length))
                                message.presence = [];
                            message.presence.push($root.lattice.crdt.Dot.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.value = value;
                            else
                                delete message.value;
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
             * Gets the type url for MapEntry
             * @function getTypeUrl
             * @memberof lattice.crdt.MapEntry
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            MapEntry.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.crdt.MapEntry";
            };

            return MapEntry;
        })();

        return crdt;
    })();

    return lattice;
})();

export {
  $root as default
};
