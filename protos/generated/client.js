/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["lattice-client"] || ($protobuf.roots["lattice-client"] = {});

export const lattice = $root.lattice = (() => {

    /**
     * Namespace lattice.
     * @exports lattice
     * @namespace
     */
    const lattice = {};

    lattice.client = (function() {

        /**
         * Namespace client.
         * @memberof lattice
         * @namespace
         */
        const client = {};

        client.ClientFrame = (function() {

            /**
             * Properties of a ClientFrame.
             * @typedef {Object} lattice.client.ClientFrame.$Properties
             * @property {number|null} [id] ClientFrame id
             * @property {lattice.client.Call.$Properties|null} [call] ClientFrame call
             * @property {lattice.client.Subscribe.$Properties|null} [subscribe] ClientFrame subscribe
             * @property {lattice.client.Stream.$Properties|null} [stream] ClientFrame stream
             * @property {lattice.client.Cancel.$Properties|null} [cancel] ClientFrame cancel
             * @property {"call"|"subscribe"|"stream"|"cancel"} [op] ClientFrame op
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ClientFrame.
             * @memberof lattice.client
             * @interface IClientFrame
             * @augments lattice.client.ClientFrame.$Properties
             * @deprecated Use lattice.client.ClientFrame.$Properties instead.
             */

            /**
             * Narrowed shape of a ClientFrame.
             * @typedef {{
             *   id?: number|null;
             *   call?: lattice.client.Call.$Shape|null;
             *   subscribe?: lattice.client.Subscribe.$Shape|null;
             *   stream?: lattice.client.Stream.$Shape|null;
             *   cancel?: lattice.client.Cancel.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ op?: undefined; call?: null; subscribe?: null; stream?: null; cancel?: null }|{ op?: "call"; call: lattice.client.Call.$Shape; subscribe?: null; stream?: null; cancel?: null }|{ op?: "subscribe"; call?: null; subscribe: lattice.client.Subscribe.$Shape; stream?: null; cancel?: null }|{ op?: "stream"; call?: null; subscribe?: null; stream: lattice.client.Stream.$Shape; cancel?: null }|{ op?: "cancel"; call?: null; subscribe?: null; stream?: null; cancel: lattice.client.Cancel.$Shape })
             * )} lattice.client.ClientFrame.$Shape
             */

            /**
             * Constructs a new ClientFrame.
             * @memberof lattice.client
             * @classdesc Represents a ClientFrame.
             * @constructor
             * @param {lattice.client.ClientFrame.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ClientFrame = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ClientFrame id.
             * @member {number} id
             * @memberof lattice.client.ClientFrame
             * @instance
             */
            ClientFrame.prototype.id = 0;

            /**
             * ClientFrame call.
             * @member {lattice.client.Call.$Properties|null|undefined} call
             * @memberof lattice.client.ClientFrame
             * @instance
             */
            ClientFrame.prototype.call = null;

            /**
             * ClientFrame subscribe.
             * @member {lattice.client.Subscribe.$Properties|null|undefined} subscribe
             * @memberof lattice.client.ClientFrame
             * @instance
             */
            ClientFrame.prototype.subscribe = null;

            /**
             * ClientFrame stream.
             * @member {lattice.client.Stream.$Properties|null|undefined} stream
             * @memberof lattice.client.ClientFrame
             * @instance
             */
            ClientFrame.prototype.stream = null;

            /**
             * ClientFrame cancel.
             * @member {lattice.client.Cancel.$Properties|null|undefined} cancel
             * @memberof lattice.client.ClientFrame
             * @instance
             */
            ClientFrame.prototype.cancel = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * ClientFrame op.
             * @member {"call"|"subscribe"|"stream"|"cancel"|undefined} op
             * @memberof lattice.client.ClientFrame
             * @instance
             */
            $Object.defineProperty(ClientFrame.prototype, "op", {
                get: $util.oneOfGetter($oneOfFields = ["call", "subscribe", "stream", "cancel"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Encodes the specified ClientFrame message. Does not implicitly {@link lattice.client.ClientFrame.verify|verify} messages.
             * @function encode
             * @memberof lattice.client.ClientFrame
             * @static
             * @param {lattice.client.ClientFrame.$Properties} message ClientFrame message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ClientFrame.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.id);
                if (message.call != null && $Object.hasOwnProperty.call(message, "call"))
                    $root.lattice.client.Call.encode(message.call, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.subscribe != null && $Object.hasOwnProperty.call(message, "subscribe"))
                    $root.lattice.client.Subscribe.encode(message.subscribe, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.stream != null && $Object.hasOwnProperty.call(message, "stream"))
                    $root.lattice.client.Stream.encode(message.stream, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.cancel != null && $Object.hasOwnProperty.call(message, "cancel"))
                    $root.lattice.client.Cancel.encode(message.cancel, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ClientFrame message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.client.ClientFrame
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.client.ClientFrame & lattice.client.ClientFrame.$Shape} ClientFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ClientFrame.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.client.ClientFrame();
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
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.call = $root.lattice.client.Call.decode(reader, reader.size(), $undefined, _depth + 1, message.call);
                            message.op = "call";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.subscribe = $root.lattice.client.Subscribe.decode(reader, reader.size(), $undefined, _depth + 1, message.subscribe);
                            message.op = "subscribe";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.stream = $root.lattice.client.Stream.decode(reader, reader.size(), $undefined, _depth + 1, message.stream);
                            message.op = "stream";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.cancel = $root.lattice.client.Cancel.decode(reader, reader.size(), $undefined, _depth + 1, message.cancel);
                            message.op = "cancel";
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
             * Gets the type url for ClientFrame
             * @function getTypeUrl
             * @memberof lattice.client.ClientFrame
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ClientFrame.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.client.ClientFrame";
            };

            return ClientFrame;
        })();

        client.Call = (function() {

            /**
             * Properties of a Call.
             * @typedef {Object} lattice.client.Call.$Properties
             * @property {string|null} [service] Call service
             * @property {string|null} [key] Call key
             * @property {string|null} [command] Call command
             * @property {string|null} [inputJson] Call inputJson
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Call.
             * @memberof lattice.client
             * @interface ICall
             * @augments lattice.client.Call.$Properties
             * @deprecated Use lattice.client.Call.$Properties instead.
             */

            /**
             * Shape of a Call.
             * @typedef {lattice.client.Call.$Properties} lattice.client.Call.$Shape
             */

            /**
             * Constructs a new Call.
             * @memberof lattice.client
             * @classdesc Represents a Call.
             * @constructor
             * @param {lattice.client.Call.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Call = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Call service.
             * @member {string} service
             * @memberof lattice.client.Call
             * @instance
             */
            Call.prototype.service = "";

            /**
             * Call key.
             * @member {string} key
             * @memberof lattice.client.Call
             * @instance
             */
            Call.prototype.key = "";

            /**
             * Call command.
             * @member {string} command
             * @memberof lattice.client.Call
             * @instance
             */
            Call.prototype.command = "";

            /**
             * Call inputJson.
             * @member {string} inputJson
             * @memberof lattice.client.Call
             * @instance
             */
            Call.prototype.inputJson = "";

            /**
             * Encodes the specified Call message. Does not implicitly {@link lattice.client.Call.verify|verify} messages.
             * @function encode
             * @memberof lattice.client.Call
             * @static
             * @param {lattice.client.Call.$Properties} message Call message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Call.encode = function (message, writer, _depth) {
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
                if (message.command != null && $Object.hasOwnProperty.call(message, "command") && message.command !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.command);
                if (message.inputJson != null && $Object.hasOwnProperty.call(message, "inputJson") && message.inputJson !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.inputJson);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Call message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.client.Call
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.client.Call & lattice.client.Call.$Shape} Call
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Call.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.client.Call();
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
                                message.command = value;
                            else
                                delete message.command;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.inputJson = value;
                            else
                                delete message.inputJson;
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
             * Gets the type url for Call
             * @function getTypeUrl
             * @memberof lattice.client.Call
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Call.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.client.Call";
            };

            return Call;
        })();

        client.Subscribe = (function() {

            /**
             * Properties of a Subscribe.
             * @typedef {Object} lattice.client.Subscribe.$Properties
             * @property {string|null} [service] Subscribe service
             * @property {string|null} [key] Subscribe key
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Subscribe.
             * @memberof lattice.client
             * @interface ISubscribe
             * @augments lattice.client.Subscribe.$Properties
             * @deprecated Use lattice.client.Subscribe.$Properties instead.
             */

            /**
             * Shape of a Subscribe.
             * @typedef {lattice.client.Subscribe.$Properties} lattice.client.Subscribe.$Shape
             */

            /**
             * Constructs a new Subscribe.
             * @memberof lattice.client
             * @classdesc Represents a Subscribe.
             * @constructor
             * @param {lattice.client.Subscribe.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Subscribe = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Subscribe service.
             * @member {string} service
             * @memberof lattice.client.Subscribe
             * @instance
             */
            Subscribe.prototype.service = "";

            /**
             * Subscribe key.
             * @member {string} key
             * @memberof lattice.client.Subscribe
             * @instance
             */
            Subscribe.prototype.key = "";

            /**
             * Encodes the specified Subscribe message. Does not implicitly {@link lattice.client.Subscribe.verify|verify} messages.
             * @function encode
             * @memberof lattice.client.Subscribe
             * @static
             * @param {lattice.client.Subscribe.$Properties} message Subscribe message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Subscribe.encode = function (message, writer, _depth) {
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
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Subscribe message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.client.Subscribe
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.client.Subscribe & lattice.client.Subscribe.$Shape} Subscribe
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Subscribe.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.client.Subscribe();
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
             * Gets the type url for Subscribe
             * @function getTypeUrl
             * @memberof lattice.client.Subscribe
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Subscribe.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.client.Subscribe";
            };

            return Subscribe;
        })();

        client.Stream = (function() {

            /**
             * Properties of a Stream.
             * @typedef {Object} lattice.client.Stream.$Properties
             * @property {string|null} [service] Stream service
             * @property {string|null} [key] Stream key
             * @property {string|null} [stream] Stream stream
             * @property {string|null} [inputJson] Stream inputJson
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Stream.
             * @memberof lattice.client
             * @interface IStream
             * @augments lattice.client.Stream.$Properties
             * @deprecated Use lattice.client.Stream.$Properties instead.
             */

            /**
             * Shape of a Stream.
             * @typedef {lattice.client.Stream.$Properties} lattice.client.Stream.$Shape
             */

            /**
             * Constructs a new Stream.
             * @memberof lattice.client
             * @classdesc Represents a Stream.
             * @constructor
             * @param {lattice.client.Stream.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Stream = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Stream service.
             * @member {string} service
             * @memberof lattice.client.Stream
             * @instance
             */
            Stream.prototype.service = "";

            /**
             * Stream key.
             * @member {string} key
             * @memberof lattice.client.Stream
             * @instance
             */
            Stream.prototype.key = "";

            /**
             * Stream stream.
             * @member {string} stream
             * @memberof lattice.client.Stream
             * @instance
             */
            Stream.prototype.stream = "";

            /**
             * Stream inputJson.
             * @member {string} inputJson
             * @memberof lattice.client.Stream
             * @instance
             */
            Stream.prototype.inputJson = "";

            /**
             * Encodes the specified Stream message. Does not implicitly {@link lattice.client.Stream.verify|verify} messages.
             * @function encode
             * @memberof lattice.client.Stream
             * @static
             * @param {lattice.client.Stream.$Properties} message Stream message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Stream.encode = function (message, writer, _depth) {
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
                if (message.stream != null && $Object.hasOwnProperty.call(message, "stream") && message.stream !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.stream);
                if (message.inputJson != null && $Object.hasOwnProperty.call(message, "inputJson") && message.inputJson !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.inputJson);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Stream message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.client.Stream
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.client.Stream & lattice.client.Stream.$Shape} Stream
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Stream.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.client.Stream();
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
                                message.stream = value;
                            else
                                delete message.stream;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.inputJson = value;
                            else
                                delete message.inputJson;
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
             * Gets the type url for Stream
             * @function getTypeUrl
             * @memberof lattice.client.Stream
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Stream.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.client.Stream";
            };

            return Stream;
        })();

        client.Cancel = (function() {

            /**
             * Properties of a Cancel.
             * @typedef {Object} lattice.client.Cancel.$Properties
             * @property {number|null} [sub] Cancel sub
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Cancel.
             * @memberof lattice.client
             * @interface ICancel
             * @augments lattice.client.Cancel.$Properties
             * @deprecated Use lattice.client.Cancel.$Properties instead.
             */

            /**
             * Shape of a Cancel.
             * @typedef {lattice.client.Cancel.$Properties} lattice.client.Cancel.$Shape
             */

            /**
             * Constructs a new Cancel.
             * @memberof lattice.client
             * @classdesc Represents a Cancel.
             * @constructor
             * @param {lattice.client.Cancel.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Cancel = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Cancel sub.
             * @member {number} sub
             * @memberof lattice.client.Cancel
             * @instance
             */
            Cancel.prototype.sub = 0;

            /**
             * Encodes the specified Cancel message. Does not implicitly {@link lattice.client.Cancel.verify|verify} messages.
             * @function encode
             * @memberof lattice.client.Cancel
             * @static
             * @param {lattice.client.Cancel.$Properties} message Cancel message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Cancel.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.sub != null && $Object.hasOwnProperty.call(message, "sub") && message.sub !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.sub);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Cancel message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.client.Cancel
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.client.Cancel & lattice.client.Cancel.$Shape} Cancel
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Cancel.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.client.Cancel();
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
                                message.sub = value;
                            else
                                delete message.sub;
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
             * Gets the type url for Cancel
             * @function getTypeUrl
             * @memberof lattice.client.Cancel
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Cancel.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.client.Cancel";
            };

            return Cancel;
        })();

        client.ServerFrame = (function() {

            /**
             * Properties of a ServerFrame.
             * @typedef {Object} lattice.client.ServerFrame.$Properties
             * @property {number|null} [id] ServerFrame id
             * @property {number|null} [sub] ServerFrame sub
             * @property {lattice.client.Result.$Properties|null} [result] ServerFrame result
             * @property {lattice.client.ErrorInfo.$Properties|null} [error] ServerFrame error
             * @property {lattice.client.State.$Properties|null} [state] ServerFrame state
             * @property {lattice.client.StreamMessage.$Properties|null} [message] ServerFrame message
             * @property {lattice.client.End.$Properties|null} [end] ServerFrame end
             * @property {lattice.client.Ok.$Properties|null} [ok] ServerFrame ok
             * @property {"result"|"error"|"state"|"message"|"end"|"ok"} [body] ServerFrame body
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ServerFrame.
             * @memberof lattice.client
             * @interface IServerFrame
             * @augments lattice.client.ServerFrame.$Properties
             * @deprecated Use lattice.client.ServerFrame.$Properties instead.
             */

            /**
             * Narrowed shape of a ServerFrame.
             * @typedef {{
             *   id?: number|null;
             *   sub?: number|null;
             *   result?: lattice.client.Result.$Shape|null;
             *   error?: lattice.client.ErrorInfo.$Shape|null;
             *   state?: lattice.client.State.$Shape|null;
             *   message?: lattice.client.StreamMessage.$Shape|null;
             *   end?: lattice.client.End.$Shape|null;
             *   ok?: lattice.client.Ok.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ body?: undefined; result?: null; error?: null; state?: null; message?: null; end?: null; ok?: null }|{ body?: "result"; result: lattice.client.Result.$Shape; error?: null; state?: null; message?: null; end?: null; ok?: null }|{ body?: "error"; result?: null; error: lattice.client.ErrorInfo.$Shape; state?: null; message?: null; end?: null; ok?: null }|{ body?: "state"; result?: null; error?: null; state: lattice.client.State.$Shape; message?: null; end?: null; ok?: null }|{ body?: "message"; result?: null; error?: null; state?: null; message: lattice.client.StreamMessage.$Shape; end?: null; ok?: null }|{ body?: "end"; result?: null; error?: null; state?: null; message?: null; end: lattice.client.End.$Shape; ok?: null }|{ body?: "ok"; result?: null; error?: null; state?: null; message?: null; end?: null; ok: lattice.client.Ok.$Shape })
             * )} lattice.client.ServerFrame.$Shape
             */

            /**
             * Constructs a new ServerFrame.
             * @memberof lattice.client
             * @classdesc Represents a ServerFrame.
             * @constructor
             * @param {lattice.client.ServerFrame.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ServerFrame = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ServerFrame id.
             * @member {number} id
             * @memberof lattice.client.ServerFrame
             * @instance
             */
            ServerFrame.prototype.id = 0;

            /**
             * ServerFrame sub.
             * @member {number} sub
             * @memberof lattice.client.ServerFrame
             * @instance
             */
            ServerFrame.prototype.sub = 0;

            /**
             * ServerFrame result.
             * @member {lattice.client.Result.$Properties|null|undefined} result
             * @memberof lattice.client.ServerFrame
             * @instance
             */
            ServerFrame.prototype.result = null;

            /**
             * ServerFrame error.
             * @member {lattice.client.ErrorInfo.$Properties|null|undefined} error
             * @memberof lattice.client.ServerFrame
             * @instance
             */
            ServerFrame.prototype.error = null;

            /**
             * ServerFrame state.
             * @member {lattice.client.State.$Properties|null|undefined} state
             * @memberof lattice.client.ServerFrame
             * @instance
             */
            ServerFrame.prototype.state = null;

            /**
             * ServerFrame message.
             * @member {lattice.client.StreamMessage.$Properties|null|undefined} message
             * @memberof lattice.client.ServerFrame
             * @instance
             */
            ServerFrame.prototype.message = null;

            /**
             * ServerFrame end.
             * @member {lattice.client.End.$Properties|null|undefined} end
             * @memberof lattice.client.ServerFrame
             * @instance
             */
            ServerFrame.prototype.end = null;

            /**
             * ServerFrame ok.
             * @member {lattice.client.Ok.$Properties|null|undefined} ok
             * @memberof lattice.client.ServerFrame
             * @instance
             */
            ServerFrame.prototype.ok = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * ServerFrame body.
             * @member {"result"|"error"|"state"|"message"|"end"|"ok"|undefined} body
             * @memberof lattice.client.ServerFrame
             * @instance
             */
            $Object.defineProperty(ServerFrame.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["result", "error", "state", "message", "end", "ok"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Encodes the specified ServerFrame message. Does not implicitly {@link lattice.client.ServerFrame.verify|verify} messages.
             * @function encode
             * @memberof lattice.client.ServerFrame
             * @static
             * @param {lattice.client.ServerFrame.$Properties} message ServerFrame message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ServerFrame.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.id);
                if (message.sub != null && $Object.hasOwnProperty.call(message, "sub") && message.sub !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.sub);
                if (message.result != null && $Object.hasOwnProperty.call(message, "result"))
                    $root.lattice.client.Result.encode(message.result, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    $root.lattice.client.ErrorInfo.encode(message.error, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                    $root.lattice.client.State.encode(message.state, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    $root.lattice.client.StreamMessage.encode(message.message, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.end != null && $Object.hasOwnProperty.call(message, "end"))
                    $root.lattice.client.End.encode(message.end, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                if (message.ok != null && $Object.hasOwnProperty.call(message, "ok"))
                    $root.lattice.client.Ok.encode(message.ok, writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ServerFrame message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.client.ServerFrame
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.client.ServerFrame & lattice.client.ServerFrame.$Shape} ServerFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ServerFrame.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.client.ServerFrame();
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
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.sub = value;
                            else
                                delete message.sub;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.result = $root.lattice.client.Result.decode(reader, reader.size(), $undefined, _depth + 1, message.result);
                            message.body = "result";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.error = $root.lattice.client.ErrorInfo.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                            message.body = "error";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.state = $root.lattice.client.State.decode(reader, reader.size(), $undefined, _depth + 1, message.state);
                            message.body = "state";
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.message = $root.lattice.client.StreamMessage.decode(reader, reader.size(), $undefined, _depth + 1, message.message);
                            message.body = "message";
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.end = $root.lattice.client.End.decode(reader, reader.size(), $undefined, _depth + 1, message.end);
                            message.body = "end";
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            message.ok = $root.lattice.client.Ok.decode(reader, reader.size(), $undefined, _depth + 1, message.ok);
                            message.body = "ok";
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
             * Gets the type url for ServerFrame
             * @function getTypeUrl
             * @memberof lattice.client.ServerFrame
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ServerFrame.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.client.ServerFrame";
            };

            return ServerFrame;
        })();

        client.Result = (function() {

            /**
             * Properties of a Result.
             * @typedef {Object} lattice.client.Result.$Properties
             * @property {string|null} [json] Result json
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Result.
             * @memberof lattice.client
             * @interface IResult
             * @augments lattice.client.Result.$Properties
             * @deprecated Use lattice.client.Result.$Properties instead.
             */

            /**
             * Shape of a Result.
             * @typedef {lattice.client.Result.$Properties} lattice.client.Result.$Shape
             */

            /**
             * Constructs a new Result.
             * @memberof lattice.client
             * @classdesc Represents a Result.
             * @constructor
             * @param {lattice.client.Result.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Result = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Result json.
             * @member {string} json
             * @memberof lattice.client.Result
             * @instance
             */
            Result.prototype.json = "";

            /**
             * Encodes the specified Result message. Does not implicitly {@link lattice.client.Result.verify|verify} messages.
             * @function encode
             * @memberof lattice.client.Result
             * @static
             * @param {lattice.client.Result.$Properties} message Result message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Result.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.json != null && $Object.hasOwnProperty.call(message, "json") && message.json !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.json);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Result message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.client.Result
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.client.Result & lattice.client.Result.$Shape} Result
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Result.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.client.Result();
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
                                message.json = value;
                            else
                                delete message.json;
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
             * Gets the type url for Result
             * @function getTypeUrl
             * @memberof lattice.client.Result
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Result.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.client.Result";
            };

            return Result;
        })();

        client.ErrorInfo = (function() {

            /**
             * Properties of an ErrorInfo.
             * @typedef {Object} lattice.client.ErrorInfo.$Properties
             * @property {string|null} [code] ErrorInfo code
             * @property {string|null} [message] ErrorInfo message
             * @property {string|null} [detailJson] ErrorInfo detailJson
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an ErrorInfo.
             * @memberof lattice.client
             * @interface IErrorInfo
             * @augments lattice.client.ErrorInfo.$Properties
             * @deprecated Use lattice.client.ErrorInfo.$Properties instead.
             */

            /**
             * Shape of an ErrorInfo.
             * @typedef {lattice.client.ErrorInfo.$Properties} lattice.client.ErrorInfo.$Shape
             */

            /**
             * Constructs a new ErrorInfo.
             * @memberof lattice.client
             * @classdesc Represents an ErrorInfo.
             * @constructor
             * @param {lattice.client.ErrorInfo.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ErrorInfo = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ErrorInfo code.
             * @member {string} code
             * @memberof lattice.client.ErrorInfo
             * @instance
             */
            ErrorInfo.prototype.code = "";

            /**
             * ErrorInfo message.
             * @member {string} message
             * @memberof lattice.client.ErrorInfo
             * @instance
             */
            ErrorInfo.prototype.message = "";

            /**
             * ErrorInfo detailJson.
             * @member {string} detailJson
             * @memberof lattice.client.ErrorInfo
             * @instance
             */
            ErrorInfo.prototype.detailJson = "";

            /**
             * Encodes the specified ErrorInfo message. Does not implicitly {@link lattice.client.ErrorInfo.verify|verify} messages.
             * @function encode
             * @memberof lattice.client.ErrorInfo
             * @static
             * @param {lattice.client.ErrorInfo.$Properties} message ErrorInfo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ErrorInfo.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.code);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
                if (message.detailJson != null && $Object.hasOwnProperty.call(message, "detailJson") && message.detailJson !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.detailJson);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an ErrorInfo message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.client.ErrorInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.client.ErrorInfo & lattice.client.ErrorInfo.$Shape} ErrorInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ErrorInfo.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.client.ErrorInfo();
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
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.detailJson = value;
                            else
                                delete message.detailJson;
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
             * Gets the type url for ErrorInfo
             * @function getTypeUrl
             * @memberof lattice.client.ErrorInfo
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ErrorInfo.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.client.ErrorInfo";
            };

            return ErrorInfo;
        })();

        client.State = (function() {

            /**
             * Properties of a State.
             * @typedef {Object} lattice.client.State.$Properties
             * @property {string|null} [stateJson] State stateJson
             * @property {Array.<lattice.client.VersionEntry.$Properties>|null} [version] State version
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a State.
             * @memberof lattice.client
             * @interface IState
             * @augments lattice.client.State.$Properties
             * @deprecated Use lattice.client.State.$Properties instead.
             */

            /**
             * Shape of a State.
             * @typedef {lattice.client.State.$Properties} lattice.client.State.$Shape
             */

            /**
             * Constructs a new State.
             * @memberof lattice.client
             * @classdesc Represents a State.
             * @constructor
             * @param {lattice.client.State.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const State = function (properties) {
                this.version = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * State stateJson.
             * @member {string} stateJson
             * @memberof lattice.client.State
             * @instance
             */
            State.prototype.stateJson = "";

            /**
             * State version.
             * @member {Array.<lattice.client.VersionEntry.$Properties>} version
             * @memberof lattice.client.State
             * @instance
             */
            State.prototype.version = $util.emptyArray;

            /**
             * Encodes the specified State message. Does not implicitly {@link lattice.client.State.verify|verify} messages.
             * @function encode
             * @memberof lattice.client.State
             * @static
             * @param {lattice.client.State.$Properties} message State message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            State.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.stateJson != null && $Object.hasOwnProperty.call(message, "stateJson") && message.stateJson !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.stateJson);
                if (message.version != null && message.version.length)
                    for (let i = 0; i < message.version.length; ++i)
                        $root.lattice.client.VersionEntry.encode(message.version[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a State message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.client.State
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.client.State & lattice.client.State.$Shape} State
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            State.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.client.State();
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
                                message.stateJson = value;
                            else
                                delete message.stateJson;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.version && message.version.length))
                                message.version = [];
                            message.version.push($root.lattice.client.VersionEntry.decode(reader, reader.size(), $undefined, _depth + 1));
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
             * Gets the type url for State
             * @function getTypeUrl
             * @memberof lattice.client.State
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            State.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.client.State";
            };

            return State;
        })();

        client.VersionEntry = (function() {

            /**
             * Properties of a VersionEntry.
             * @typedef {Object} lattice.client.VersionEntry.$Properties
             * @property {string|null} [replica] VersionEntry replica
             * @property {number|null} [count] VersionEntry count
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a VersionEntry.
             * @memberof lattice.client
             * @interface IVersionEntry
             * @augments lattice.client.VersionEntry.$Properties
             * @deprecated Use lattice.client.VersionEntry.$Properties instead.
             */

            /**
             * Shape of a VersionEntry.
             * @typedef {lattice.client.VersionEntry.$Properties} lattice.client.VersionEntry.$Shape
             */

            /**
             * Constructs a new VersionEntry.
             * @memberof lattice.client
             * @classdesc Represents a VersionEntry.
             * @constructor
             * @param {lattice.client.VersionEntry.$Properties=} [properties] Properties to set
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
             * @memberof lattice.client.VersionEntry
             * @instance
             */
            VersionEntry.prototype.replica = "";

            /**
             * VersionEntry count.
             * @member {number} count
             * @memberof lattice.client.VersionEntry
             * @instance
             */
            VersionEntry.prototype.count = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Encodes the specified VersionEntry message. Does not implicitly {@link lattice.client.VersionEntry.verify|verify} messages.
             * @function encode
             * @memberof lattice.client.VersionEntry
             * @static
             * @param {lattice.client.VersionEntry.$Properties} message VersionEntry message or plain object to encode
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
             * @memberof lattice.client.VersionEntry
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.client.VersionEntry & lattice.client.VersionEntry.$Shape} VersionEntry
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
                message = _target || new $root.lattice.client.VersionEntry();
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
             * @memberof lattice.client.VersionEntry
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            VersionEntry.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.client.VersionEntry";
            };

            return VersionEntry;
        })();

        client.StreamMessage = (function() {

            /**
             * Properties of a StreamMessage.
             * @typedef {Object} lattice.client.StreamMessage.$Properties
             * @property {string|null} [json] StreamMessage json
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StreamMessage.
             * @memberof lattice.client
             * @interface IStreamMessage
             * @augments lattice.client.StreamMessage.$Properties
             * @deprecated Use lattice.client.StreamMessage.$Properties instead.
             */

            /**
             * Shape of a StreamMessage.
             * @typedef {lattice.client.StreamMessage.$Properties} lattice.client.StreamMessage.$Shape
             */

            /**
             * Constructs a new StreamMessage.
             * @memberof lattice.client
             * @classdesc Represents a StreamMessage.
             * @constructor
             * @param {lattice.client.StreamMessage.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StreamMessage = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * StreamMessage json.
             * @member {string} json
             * @memberof lattice.client.StreamMessage
             * @instance
             */
            StreamMessage.prototype.json = "";

            /**
             * Encodes the specified StreamMessage message. Does not implicitly {@link lattice.client.StreamMessage.verify|verify} messages.
             * @function encode
             * @memberof lattice.client.StreamMessage
             * @static
             * @param {lattice.client.StreamMessage.$Properties} message StreamMessage message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StreamMessage.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.json != null && $Object.hasOwnProperty.call(message, "json") && message.json !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.json);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a StreamMessage message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.client.StreamMessage
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.client.StreamMessage & lattice.client.StreamMessage.$Shape} StreamMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StreamMessage.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.client.StreamMessage();
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
                                message.json = value;
                            else
                                delete message.json;
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
             * Gets the type url for StreamMessage
             * @function getTypeUrl
             * @memberof lattice.client.StreamMessage
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            StreamMessage.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.client.StreamMessage";
            };

            return StreamMessage;
        })();

        client.End = (function() {

            /**
             * Properties of an End.
             * @typedef {Object} lattice.client.End.$Properties
             * @property {string|null} [messageJson] End messageJson
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an End.
             * @memberof lattice.client
             * @interface IEnd
             * @augments lattice.client.End.$Properties
             * @deprecated Use lattice.client.End.$Properties instead.
             */

            /**
             * Shape of an End.
             * @typedef {lattice.client.End.$Properties} lattice.client.End.$Shape
             */

            /**
             * Constructs a new End.
             * @memberof lattice.client
             * @classdesc Represents an End.
             * @constructor
             * @param {lattice.client.End.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const End = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * End messageJson.
             * @member {string} messageJson
             * @memberof lattice.client.End
             * @instance
             */
            End.prototype.messageJson = "";

            /**
             * Encodes the specified End message. Does not implicitly {@link lattice.client.End.verify|verify} messages.
             * @function encode
             * @memberof lattice.client.End
             * @static
             * @param {lattice.client.End.$Properties} message End message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            End.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.messageJson != null && $Object.hasOwnProperty.call(message, "messageJson") && message.messageJson !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.messageJson);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an End message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.client.End
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.client.End & lattice.client.End.$Shape} End
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            End.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.client.End();
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
                                message.messageJson = value;
                            else
                                delete message.messageJson;
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
             * Gets the type url for End
             * @function getTypeUrl
             * @memberof lattice.client.End
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            End.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.client.End";
            };

            return End;
        })();

        client.Ok = (function() {

            /**
             * Properties of an Ok.
             * @typedef {Object} lattice.client.Ok.$Properties
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Ok.
             * @memberof lattice.client
             * @interface IOk
             * @augments lattice.client.Ok.$Properties
             * @deprecated Use lattice.client.Ok.$Properties instead.
             */

            /**
             * Shape of an Ok.
             * @typedef {lattice.client.Ok.$Properties} lattice.client.Ok.$Shape
             */

            /**
             * Constructs a new Ok.
             * @memberof lattice.client
             * @classdesc Represents an Ok.
             * @constructor
             * @param {lattice.client.Ok.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Ok = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Encodes the specified Ok message. Does not implicitly {@link lattice.client.Ok.verify|verify} messages.
             * @function encode
             * @memberof lattice.client.Ok
             * @static
             * @param {lattice.client.Ok.$Properties} message Ok message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ok.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an Ok message from the specified reader or buffer.
             * @function decode
             * @memberof lattice.client.Ok
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {lattice.client.Ok & lattice.client.Ok.$Shape} Ok
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ok.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.lattice.client.Ok();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    reader.skipType(tag & 7, _depth, tag);
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
             * Gets the type url for Ok
             * @function getTypeUrl
             * @memberof lattice.client.Ok
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Ok.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/lattice.client.Ok";
            };

            return Ok;
        })();

        return client;
    })();

    return lattice;
})();

export {
  $root as default
};
