/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["lattice-storage"] || ($protobuf.roots["lattice-storage"] = {});

export const lattice = $root.lattice = (() => {

    /**
     * Namespace lattice.
     * @exports lattice
     * @namespace
     */
    const lattice = {};

    lattice.storage = (function() {

        /**
         * Namespace storage.
         * @memberof lattice
         * @namespace
         */
        const storage = {};

        storage.ReplicaMeta = (function() {

            /**
             * Properties of a ReplicaMeta.
             * @typedef {Object} lattice.storage.ReplicaMeta.$Properties
             * @property {number|null} [format] ReplicaMeta format
             * @property {string|null} [replicaId] ReplicaMeta replicaId
             * @property {number|null} [createdMs] ReplicaMeta createdMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ReplicaMeta.
             * @memberof lattice.storage
             * @interface IReplicaMeta
             * @augments lattice.storage.ReplicaMeta.$Properties
             * @deprecated Use lattice.storage.ReplicaMeta.$Properties instead.
             */

            /**
             * Shape of a ReplicaMeta.
             * @typedef {lattice.storage.ReplicaMeta.$Properties} lattice.storage.ReplicaMeta.$Shape
             */

            /**
             * Constructs a new ReplicaMeta.
             * @memberof lattice.storage
             * @classdesc Represents a ReplicaMeta.
             * @constructor
             * @param {lattice.storage.ReplicaMeta.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ReplicaMeta = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ReplicaMeta format.
             * @member {number} format
             * @memberof lattice.storage.ReplicaMeta
             * @instance
             */
            ReplicaMeta.prototype.format = 0;

            /**
             * ReplicaMeta replicaId.
             * @member {string} replicaId
             * @memberof lattice.storage.ReplicaMeta
             * @instance
             */
            ReplicaMeta.prototype.replicaId = "";

            /**
             * ReplicaMeta createdMs.
             * @member {number} createdMs
             * @memberof lattice.storage.ReplicaMeta
             * @instance
             */
            ReplicaMeta.prototype.createdMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Encodes the specified ReplicaMeta message. Does not implicitly {@link lattice.storage.ReplicaMeta.verify|verify} messages.
             * @function encode
             * @memberof lattice.storage.ReplicaMeta
             * @static
             * @param {lattice.storage.ReplicaMeta.$Properties} message ReplicaMeta message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReplicaMeta.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.format != null && $Object.hasOwnProperty.call(message, "format") && message.format !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.format);
                if (message.replicaId != null && $Object.hasOwnProperty.call(message, "replicaId") && message.replicaId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.replicaId);
                if (message.createdMs != null && $Object.hasOwnProperty.call(message, "createdMs") && (typeof message.createdMs === "object" ? message.createdMs.low || message.createdMs.high : message.createdMs !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.createdMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ReplicaMeta message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.storage.ReplicaMeta
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.storage.ReplicaMeta & lattice.storage.ReplicaMeta.$Shape} ReplicaMeta
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReplicaMeta.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.storage.ReplicaMeta();
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
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.replicaId = value;
                            else
                                delete message.replicaId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.createdMs = value;
                            else
                                delete message.createdMs;
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
             * Gets the type url for ReplicaMeta
             * @function getTypeUrl
             * @memberof lattice.storage.ReplicaMeta
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ReplicaMeta.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.storage.ReplicaMeta";
            };

            return ReplicaMeta;
        })();

        storage.SequenceMeta = (function() {

            /**
             * Properties of a SequenceMeta.
             * @typedef {Object} lattice.storage.SequenceMeta.$Properties
             * @property {number|null} [seq] SequenceMeta seq
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SequenceMeta.
             * @memberof lattice.storage
             * @interface ISequenceMeta
             * @augments lattice.storage.SequenceMeta.$Properties
             * @deprecated Use lattice.storage.SequenceMeta.$Properties instead.
             */

            /**
             * Shape of a SequenceMeta.
             * @typedef {lattice.storage.SequenceMeta.$Properties} lattice.storage.SequenceMeta.$Shape
             */

            /**
             * Constructs a new SequenceMeta.
             * @memberof lattice.storage
             * @classdesc Represents a SequenceMeta.
             * @constructor
             * @param {lattice.storage.SequenceMeta.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SequenceMeta = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SequenceMeta seq.
             * @member {number} seq
             * @memberof lattice.storage.SequenceMeta
             * @instance
             */
            SequenceMeta.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Encodes the specified SequenceMeta message. Does not implicitly {@link lattice.storage.SequenceMeta.verify|verify} messages.
             * @function encode
             * @memberof lattice.storage.SequenceMeta
             * @static
             * @param {lattice.storage.SequenceMeta.$Properties} message SequenceMeta message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SequenceMeta.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.seq);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a SequenceMeta message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.storage.SequenceMeta
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.storage.SequenceMeta & lattice.storage.SequenceMeta.$Shape} SequenceMeta
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SequenceMeta.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.storage.SequenceMeta();
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
             * Gets the type url for SequenceMeta
             * @function getTypeUrl
             * @memberof lattice.storage.SequenceMeta
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SequenceMeta.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.storage.SequenceMeta";
            };

            return SequenceMeta;
        })();

        storage.EntityRecord = (function() {

            /**
             * Properties of an EntityRecord.
             * @typedef {Object} lattice.storage.EntityRecord.$Properties
             * @property {number|null} [format] EntityRecord format
             * @property {Uint8Array|null} [state] EntityRecord state
             * @property {Array.<lattice.storage.VersionCount.$Properties>|null} [version] EntityRecord version
             * @property {boolean|null} [deleted] EntityRecord deleted
             * @property {number|null} [firstLog] EntityRecord firstLog
             * @property {number|null} [nextLog] EntityRecord nextLog
             * @property {Uint8Array|null} [digest] EntityRecord digest
             * @property {Uint8Array|null} [stateVector] EntityRecord stateVector
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EntityRecord.
             * @memberof lattice.storage
             * @interface IEntityRecord
             * @augments lattice.storage.EntityRecord.$Properties
             * @deprecated Use lattice.storage.EntityRecord.$Properties instead.
             */

            /**
             * Shape of an EntityRecord.
             * @typedef {lattice.storage.EntityRecord.$Properties} lattice.storage.EntityRecord.$Shape
             */

            /**
             * Constructs a new EntityRecord.
             * @memberof lattice.storage
             * @classdesc Represents an EntityRecord.
             * @constructor
             * @param {lattice.storage.EntityRecord.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EntityRecord = function (properties) {
                this.version = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * EntityRecord format.
             * @member {number} format
             * @memberof lattice.storage.EntityRecord
             * @instance
             */
            EntityRecord.prototype.format = 0;

            /**
             * EntityRecord state.
             * @member {Uint8Array} state
             * @memberof lattice.storage.EntityRecord
             * @instance
             */
            EntityRecord.prototype.state = $util.newBuffer([]);

            /**
             * EntityRecord version.
             * @member {Array.<lattice.storage.VersionCount.$Properties>} version
             * @memberof lattice.storage.EntityRecord
             * @instance
             */
            EntityRecord.prototype.version = $util.emptyArray;

            /**
             * EntityRecord deleted.
             * @member {boolean} deleted
             * @memberof lattice.storage.EntityRecord
             * @instance
             */
            EntityRecord.prototype.deleted = false;

            /**
             * EntityRecord firstLog.
             * @member {number} firstLog
             * @memberof lattice.storage.EntityRecord
             * @instance
             */
            EntityRecord.prototype.firstLog = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * EntityRecord nextLog.
             * @member {number} nextLog
             * @memberof lattice.storage.EntityRecord
             * @instance
             */
            EntityRecord.prototype.nextLog = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * EntityRecord digest.
             * @member {Uint8Array} digest
             * @memberof lattice.storage.EntityRecord
             * @instance
             */
            EntityRecord.prototype.digest = $util.newBuffer([]);

            /**
             * EntityRecord stateVector.
             * @member {Uint8Array} stateVector
             * @memberof lattice.storage.EntityRecord
             * @instance
             */
            EntityRecord.prototype.stateVector = $util.newBuffer([]);

            /**
             * Encodes the specified EntityRecord message. Does not implicitly {@link lattice.storage.EntityRecord.verify|verify} messages.
             * @function encode
             * @memberof lattice.storage.EntityRecord
             * @static
             * @param {lattice.storage.EntityRecord.$Properties} message EntityRecord message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EntityRecord.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.format != null && $Object.hasOwnProperty.call(message, "format") && message.format !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.format);
                if (message.state != null && $Object.hasOwnProperty.call(message, "state") && message.state.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.state);
                if (message.version != null && message.version.length)
                    for (let i = 0; i < message.version.length; ++i)
                        $root.lattice.storage.VersionCount.encode(message.version[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.deleted != null && $Object.hasOwnProperty.call(message, "deleted") && message.deleted !== false)
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.deleted);
                if (message.firstLog != null && $Object.hasOwnProperty.call(message, "firstLog") && (typeof message.firstLog === "object" ? message.firstLog.low || message.firstLog.high : message.firstLog !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.firstLog);
                if (message.nextLog != null && $Object.hasOwnProperty.call(message, "nextLog") && (typeof message.nextLog === "object" ? message.nextLog.low || message.nextLog.high : message.nextLog !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.nextLog);
                if (message.digest != null && $Object.hasOwnProperty.call(message, "digest") && message.digest.length)
                    writer.uint32(/* id 7, wireType 2 =*/58).bytes(message.digest);
                if (message.stateVector != null && $Object.hasOwnProperty.call(message, "stateVector") && message.stateVector.length)
                    writer.uint32(/* id 8, wireType 2 =*/66).bytes(message.stateVector);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an EntityRecord message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.storage.EntityRecord
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.storage.EntityRecord & lattice.storage.EntityRecord.$Shape} EntityRecord
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EntityRecord.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.storage.EntityRecord();
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
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.state = value;
                            else
                                delete message.state;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.version && message.version.length))
                                message.version = [];
                            message.version.push($root.lattice.storage.VersionCount.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.deleted = value;
                            else
                                delete message.deleted;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.firstLog = value;
                            else
                                delete message.firstLog;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.nextLog = value;
                            else
                                delete message.nextLog;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.digest = value;
                            else
                                delete message.digest;
                            continue;
                        }
                    case 8: {
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
             * Gets the type url for EntityRecord
             * @function getTypeUrl
             * @memberof lattice.storage.EntityRecord
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EntityRecord.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.storage.EntityRecord";
            };

            return EntityRecord;
        })();

        storage.VersionCount = (function() {

            /**
             * Properties of a VersionCount.
             * @typedef {Object} lattice.storage.VersionCount.$Properties
             * @property {string|null} [replica] VersionCount replica
             * @property {number|null} [count] VersionCount count
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a VersionCount.
             * @memberof lattice.storage
             * @interface IVersionCount
             * @augments lattice.storage.VersionCount.$Properties
             * @deprecated Use lattice.storage.VersionCount.$Properties instead.
             */

            /**
             * Shape of a VersionCount.
             * @typedef {lattice.storage.VersionCount.$Properties} lattice.storage.VersionCount.$Shape
             */

            /**
             * Constructs a new VersionCount.
             * @memberof lattice.storage
             * @classdesc Represents a VersionCount.
             * @constructor
             * @param {lattice.storage.VersionCount.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const VersionCount = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * VersionCount replica.
             * @member {string} replica
             * @memberof lattice.storage.VersionCount
             * @instance
             */
            VersionCount.prototype.replica = "";

            /**
             * VersionCount count.
             * @member {number} count
             * @memberof lattice.storage.VersionCount
             * @instance
             */
            VersionCount.prototype.count = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Encodes the specified VersionCount message. Does not implicitly {@link lattice.storage.VersionCount.verify|verify} messages.
             * @function encode
             * @memberof lattice.storage.VersionCount
             * @static
             * @param {lattice.storage.VersionCount.$Properties} message VersionCount message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            VersionCount.encode = function (message, writer, _depth) {
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
             * Decodes a VersionCount message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.storage.VersionCount
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.storage.VersionCount & lattice.storage.VersionCount.$Shape} VersionCount
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            VersionCount.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.storage.VersionCount();
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
             * Gets the type url for VersionCount
             * @function getTypeUrl
             * @memberof lattice.storage.VersionCount
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            VersionCount.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.storage.VersionCount";
            };

            return VersionCount;
        })();

        return storage;
    })();

    return lattice;
})();

export {
  $root as default
};
