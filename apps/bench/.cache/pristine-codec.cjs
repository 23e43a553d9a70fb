/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
"use strict";

var $protobuf = require("protobufjs/minimal");

var $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
var $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $Array = $util.global.Array;

var $root = $protobuf.roots["pristine"] || ($protobuf.roots["pristine"] = {});

$root.com = (function() {

    var com = {};

    com.bird2fish = (function() {

        var bird2fish = {};

        bird2fish.birdtalksdk = (function() {

            var birdtalksdk = {};

            birdtalksdk.pbmodel = (function() {

                var pbmodel = {};

                pbmodel.MsgHello = (function() {

                    var MsgHello = function (properties) {
                        this.params = {};
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    MsgHello.prototype.clientId = "";
                    MsgHello.prototype.version = "";
                    MsgHello.prototype.platform = "";
                    MsgHello.prototype.stage = "";
                    MsgHello.prototype.keyPrint = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgHello.prototype.rsaPrint = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgHello.prototype.params = $util.emptyObject;

                    MsgHello.create = function(properties) {
                        return new MsgHello(properties);
                    };

                    MsgHello.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.clientId != null && $Object.hasOwnProperty.call(message, "clientId") && message.clientId !== "")
                            writer.uint32(10).string(message.clientId);
                        if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== "")
                            writer.uint32(18).string(message.version);
                        if (message.platform != null && $Object.hasOwnProperty.call(message, "platform") && message.platform !== "")
                            writer.uint32(26).string(message.platform);
                        if (message.stage != null && $Object.hasOwnProperty.call(message, "stage") && message.stage !== "")
                            writer.uint32(42).string(message.stage);
                        if (message.keyPrint != null && $Object.hasOwnProperty.call(message, "keyPrint") && (typeof message.keyPrint === "object" ? message.keyPrint.low || message.keyPrint.high : message.keyPrint !== 0))
                            writer.uint32(48).int64(message.keyPrint);
                        if (message.rsaPrint != null && $Object.hasOwnProperty.call(message, "rsaPrint") && (typeof message.rsaPrint === "object" ? message.rsaPrint.low || message.rsaPrint.high : message.rsaPrint !== 0))
                            writer.uint32(56).int64(message.rsaPrint);
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params"))
                            for (var keys = $Object.keys(message.params), i = 0; i < keys.length; ++i)
                                writer.uint32(66).fork().uint32(10).string(keys[i]).uint32(18).string(message.params[keys[i]]).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    MsgHello.encodeDelimited = function(message, writer) {
                        return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                    };

                    MsgHello.decode = function (reader, length, _end, _depth, _target) {
                        if (!(reader instanceof $Reader))
                            reader = $Reader.create(reader);
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $Reader.recursionLimit)
                            throw $Error("max depth exceeded");
                        var end, message, key, value;
                        if (length === $undefined)
                            end = reader.len;
                        else {
                            end = reader.pos + length;
                            if (end > reader.len)
                                throw $RangeError("index out of range");
                            length = reader.len;
                            reader.len = end;
                        }
                        message = _target || new $root.com.bird2fish.birdtalksdk.pbmodel.MsgHello();
                        while (reader.pos < end) {
                            var start = reader.pos;
                            var tag = reader.tag();
                            if (tag === _end) {
                                _end = $undefined;
                                break;
                            }
                            var wireType = tag & 7;
                            switch (tag >>>= 3) {
                            case 1: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.clientId = value;
                                    else
                                        delete message.clientId;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.version = value;
                                    else
                                        delete message.version;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.platform = value;
                                    else
                                        delete message.platform;
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.stage = value;
                                    else
                                        delete message.stage;
                                    continue;
                                }
                            case 6: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.keyPrint = value;
                                    else
                                        delete message.keyPrint;
                                    continue;
                                }
                            case 7: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.rsaPrint = value;
                                    else
                                        delete message.rsaPrint;
                                    continue;
                                }
                            case 8: {
                                    if (wireType !== 2)
                                        break;
                                    if (message.params === $util.emptyObject)
                                        message.params = {};
                                    var end2 = reader.size() + reader.pos;
                                    if (end2 > reader.len)
                                        throw $RangeError("index out of range");
                                    reader.len = end2;
                                    key = "";
                                    value = "";
                                    while (reader.pos < end2) {
                                        var tag2 = reader.tag();
                                        wireType = tag2 & 7;
                                        switch (tag2 >>>= 3) {
                                        case 1:
                                            if (wireType !== 2)
                                                break;
                                            key = reader.stringVerify();
                                            continue;
                                        case 2:
                                            if (wireType !== 2)
                                                break;
                                            value = reader.stringVerify();
                                            continue;
                                        }
                                        reader.skipType(wireType, _depth, tag2);
                                    }
                                    if (reader.pos !== end2)
                                        throw $RangeError("index out of range");
                                    reader.len = end;
                                    if (key === "__proto__")
                                        $util.makeProp(message.params, key);
                                    message.params[key] = value;
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

                    MsgHello.decodeDelimited = function(reader) {
                        if (!(reader instanceof $Reader))
                            reader = new $Reader(reader);
                        return this.decode(reader, reader.size());
                    };

                    MsgHello.verify = function (message, _depth) {
                        if (typeof message !== "object" || message === null)
                            return "object expected";
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            return "max depth exceeded";
                        if (message.clientId != null && $Object.hasOwnProperty.call(message, "clientId"))
                            if (!$util.isString(message.clientId))
                                return "clientId: string expected";
                        if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                            if (!$util.isString(message.version))
                                return "version: string expected";
                        if (message.platform != null && $Object.hasOwnProperty.call(message, "platform"))
                            if (!$util.isString(message.platform))
                                return "platform: string expected";
                        if (message.stage != null && $Object.hasOwnProperty.call(message, "stage"))
                            if (!$util.isString(message.stage))
                                return "stage: string expected";
                        if (message.keyPrint != null && $Object.hasOwnProperty.call(message, "keyPrint"))
                            if (!$util.isInteger(message.keyPrint) && !(message.keyPrint && $util.isInteger(message.keyPrint.low) && $util.isInteger(message.keyPrint.high)))
                                return "keyPrint: integer|Long expected";
                        if (message.rsaPrint != null && $Object.hasOwnProperty.call(message, "rsaPrint"))
                            if (!$util.isInteger(message.rsaPrint) && !(message.rsaPrint && $util.isInteger(message.rsaPrint.low) && $util.isInteger(message.rsaPrint.high)))
                                return "rsaPrint: integer|Long expected";
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params")) {
                            if (!$util.isObject(message.params))
                                return "params: object expected";
                            var key = $Object.keys(message.params);
                            for (var i = 0; i < key.length; ++i)
                                if (!$util.isString(message.params[key[i]]))
                                    return "params: string{k:string} expected";
                        }
                        return null;
                    };

                    MsgHello.fromObject = function (object, _depth) {
                        if (object instanceof $root.com.bird2fish.birdtalksdk.pbmodel.MsgHello)
                            return object;
                        if (!$util.isObject(object))
                            throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgHello: object expected");
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var message = new $root.com.bird2fish.birdtalksdk.pbmodel.MsgHello();
                        if (object.clientId != null)
                            if (typeof object.clientId !== "string" || object.clientId.length)
                                message.clientId = $String(object.clientId);
                        if (object.version != null)
                            if (typeof object.version !== "string" || object.version.length)
                                message.version = $String(object.version);
                        if (object.platform != null)
                            if (typeof object.platform !== "string" || object.platform.length)
                                message.platform = $String(object.platform);
                        if (object.stage != null)
                            if (typeof object.stage !== "string" || object.stage.length)
                                message.stage = $String(object.stage);
                        if (object.keyPrint != null)
                            if (typeof object.keyPrint === "object" ? object.keyPrint.low || object.keyPrint.high : $Number(object.keyPrint) !== 0)
                                if ($util.Long)
                                    message.keyPrint = $util.Long.fromValue(object.keyPrint, false);
                                else if (typeof object.keyPrint === "string")
                                    message.keyPrint = $parseInt(object.keyPrint, 10);
                                else if (typeof object.keyPrint === "number")
                                    message.keyPrint = object.keyPrint;
                                else if (typeof object.keyPrint === "object")
                                    message.keyPrint = new $util.LongBits(object.keyPrint.low >>> 0, object.keyPrint.high >>> 0).toNumber();
                        if (object.rsaPrint != null)
                            if (typeof object.rsaPrint === "object" ? object.rsaPrint.low || object.rsaPrint.high : $Number(object.rsaPrint) !== 0)
                                if ($util.Long)
                                    message.rsaPrint = $util.Long.fromValue(object.rsaPrint, false);
                                else if (typeof object.rsaPrint === "string")
                                    message.rsaPrint = $parseInt(object.rsaPrint, 10);
                                else if (typeof object.rsaPrint === "number")
                                    message.rsaPrint = object.rsaPrint;
                                else if (typeof object.rsaPrint === "object")
                                    message.rsaPrint = new $util.LongBits(object.rsaPrint.low >>> 0, object.rsaPrint.high >>> 0).toNumber();
                        if (object.params) {
                            if (!$util.isObject(object.params))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgHello.params: object expected");
                            message.params = {};
                            for (var keys = $Object.keys(object.params), i = 0; i < keys.length; ++i) {
                                if (keys[i] === "__proto__")
                                    $util.makeProp(message.params, keys[i]);
                                message.params[keys[i]] = $String(object.params[keys[i]]);
                            }
                        }
                        return message;
                    };

                    MsgHello.toObject = function (message, options, _depth) {
                        if (!options)
                            options = {};
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var object = {};
                        if (options.objects || options.defaults)
                            object.params = {};
                        if (options.defaults) {
                            object.clientId = "";
                            object.version = "";
                            object.platform = "";
                            object.stage = "";
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.keyPrint = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.keyPrint = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.rsaPrint = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.rsaPrint = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        }
                        if (message.clientId != null && $Object.hasOwnProperty.call(message, "clientId"))
                            object.clientId = message.clientId;
                        if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                            object.version = message.version;
                        if (message.platform != null && $Object.hasOwnProperty.call(message, "platform"))
                            object.platform = message.platform;
                        if (message.stage != null && $Object.hasOwnProperty.call(message, "stage"))
                            object.stage = message.stage;
                        if (message.keyPrint != null && $Object.hasOwnProperty.call(message, "keyPrint"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.keyPrint = typeof message.keyPrint === "number" ? $BigInt(message.keyPrint) : $util.Long.fromBits(message.keyPrint.low >>> 0, message.keyPrint.high >>> 0, false).toBigInt();
                            else if (typeof message.keyPrint === "number")
                                object.keyPrint = options.longs === $String ? $String(message.keyPrint) : message.keyPrint;
                            else
                                object.keyPrint = options.longs === $String ? $util.Long.prototype.toString.call(message.keyPrint) : options.longs === $Number ? new $util.LongBits(message.keyPrint.low >>> 0, message.keyPrint.high >>> 0).toNumber() : message.keyPrint;
                        if (message.rsaPrint != null && $Object.hasOwnProperty.call(message, "rsaPrint"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.rsaPrint = typeof message.rsaPrint === "number" ? $BigInt(message.rsaPrint) : $util.Long.fromBits(message.rsaPrint.low >>> 0, message.rsaPrint.high >>> 0, false).toBigInt();
                            else if (typeof message.rsaPrint === "number")
                                object.rsaPrint = options.longs === $String ? $String(message.rsaPrint) : message.rsaPrint;
                            else
                                object.rsaPrint = options.longs === $String ? $util.Long.prototype.toString.call(message.rsaPrint) : options.longs === $Number ? new $util.LongBits(message.rsaPrint.low >>> 0, message.rsaPrint.high >>> 0).toNumber() : message.rsaPrint;
                        var keys2;
                        if (message.params && (keys2 = $Object.keys(message.params)).length) {
                            object.params = {};
                            for (var j = 0; j < keys2.length; ++j) {
                                if (keys2[j] === "__proto__")
                                    $util.makeProp(object.params, keys2[j]);
                                object.params[keys2[j]] = message.params[keys2[j]];
                            }
                        }
                        return object;
                    };

                    MsgHello.prototype.toJSON = function() {
                        return MsgHello.toObject(this, $protobuf.util.toJSONOptions);
                    };

                    MsgHello.getTypeUrl = function(prefix) {
                        if (prefix === $undefined)
                            prefix = "type.googleapis.com";
                        return prefix + "/com.bird2fish.birdtalksdk.pbmodel.MsgHello";
                    };

                    return MsgHello;
                })();

                pbmodel.MsgKeyExchange = (function() {

                    var MsgKeyExchange = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    MsgKeyExchange.prototype.keyPrint = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgKeyExchange.prototype.rsaPrint = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgKeyExchange.prototype.stage = 0;
                    MsgKeyExchange.prototype.tempKey = $util.newBuffer([]);
                    MsgKeyExchange.prototype.pubKey = $util.newBuffer([]);
                    MsgKeyExchange.prototype.encType = "";
                    MsgKeyExchange.prototype.status = "";
                    MsgKeyExchange.prototype.detail = "";

                    MsgKeyExchange.create = function(properties) {
                        return new MsgKeyExchange(properties);
                    };

                    MsgKeyExchange.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.keyPrint != null && $Object.hasOwnProperty.call(message, "keyPrint") && (typeof message.keyPrint === "object" ? message.keyPrint.low || message.keyPrint.high : message.keyPrint !== 0))
                            writer.uint32(8).int64(message.keyPrint);
                        if (message.rsaPrint != null && $Object.hasOwnProperty.call(message, "rsaPrint") && (typeof message.rsaPrint === "object" ? message.rsaPrint.low || message.rsaPrint.high : message.rsaPrint !== 0))
                            writer.uint32(16).int64(message.rsaPrint);
                        if (message.stage != null && $Object.hasOwnProperty.call(message, "stage") && message.stage !== 0)
                            writer.uint32(24).int32(message.stage);
                        if (message.tempKey != null && $Object.hasOwnProperty.call(message, "tempKey") && message.tempKey.length)
                            writer.uint32(34).bytes(message.tempKey);
                        if (message.pubKey != null && $Object.hasOwnProperty.call(message, "pubKey") && message.pubKey.length)
                            writer.uint32(42).bytes(message.pubKey);
                        if (message.encType != null && $Object.hasOwnProperty.call(message, "encType") && message.encType !== "")
                            writer.uint32(50).string(message.encType);
                        if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== "")
                            writer.uint32(58).string(message.status);
                        if (message.detail != null && $Object.hasOwnProperty.call(message, "detail") && message.detail !== "")
                            writer.uint32(66).string(message.detail);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    MsgKeyExchange.encodeDelimited = function(message, writer) {
                        return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                    };

                    MsgKeyExchange.decode = function (reader, length, _end, _depth, _target) {
                        if (!(reader instanceof $Reader))
                            reader = $Reader.create(reader);
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $Reader.recursionLimit)
                            throw $Error("max depth exceeded");
                        var end, message, value;
                        if (length === $undefined)
                            end = reader.len;
                        else {
                            end = reader.pos + length;
                            if (end > reader.len)
                                throw $RangeError("index out of range");
                            length = reader.len;
                            reader.len = end;
                        }
                        message = _target || new $root.com.bird2fish.birdtalksdk.pbmodel.MsgKeyExchange();
                        while (reader.pos < end) {
                            var start = reader.pos;
                            var tag = reader.tag();
                            if (tag === _end) {
                                _end = $undefined;
                                break;
                            }
                            var wireType = tag & 7;
                            switch (tag >>>= 3) {
                            case 1: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.keyPrint = value;
                                    else
                                        delete message.keyPrint;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.rsaPrint = value;
                                    else
                                        delete message.rsaPrint;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.stage = value;
                                    else
                                        delete message.stage;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.bytes()).length)
                                        message.tempKey = value;
                                    else
                                        delete message.tempKey;
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.bytes()).length)
                                        message.pubKey = value;
                                    else
                                        delete message.pubKey;
                                    continue;
                                }
                            case 6: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.encType = value;
                                    else
                                        delete message.encType;
                                    continue;
                                }
                            case 7: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.status = value;
                                    else
                                        delete message.status;
                                    continue;
                                }
                            case 8: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.detail = value;
                                    else
                                        delete message.detail;
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

                    MsgKeyExchange.decodeDelimited = function(reader) {
                        if (!(reader instanceof $Reader))
                            reader = new $Reader(reader);
                        return this.decode(reader, reader.size());
                    };

                    MsgKeyExchange.verify = function (message, _depth) {
                        if (typeof message !== "object" || message === null)
                            return "object expected";
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            return "max depth exceeded";
                        if (message.keyPrint != null && $Object.hasOwnProperty.call(message, "keyPrint"))
                            if (!$util.isInteger(message.keyPrint) && !(message.keyPrint && $util.isInteger(message.keyPrint.low) && $util.isInteger(message.keyPrint.high)))
                                return "keyPrint: integer|Long expected";
                        if (message.rsaPrint != null && $Object.hasOwnProperty.call(message, "rsaPrint"))
                            if (!$util.isInteger(message.rsaPrint) && !(message.rsaPrint && $util.isInteger(message.rsaPrint.low) && $util.isInteger(message.rsaPrint.high)))
                                return "rsaPrint: integer|Long expected";
                        if (message.stage != null && $Object.hasOwnProperty.call(message, "stage"))
                            if (!$util.isInteger(message.stage))
                                return "stage: integer expected";
                        if (message.tempKey != null && $Object.hasOwnProperty.call(message, "tempKey"))
                            if (!(message.tempKey && typeof message.tempKey.length === "number" || $util.isString(message.tempKey)))
                                return "tempKey: buffer expected";
                        if (message.pubKey != null && $Object.hasOwnProperty.call(message, "pubKey"))
                            if (!(message.pubKey && typeof message.pubKey.length === "number" || $util.isString(message.pubKey)))
                                return "pubKey: buffer expected";
                        if (message.encType != null && $Object.hasOwnProperty.call(message, "encType"))
                            if (!$util.isString(message.encType))
                                return "encType: string expected";
                        if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                            if (!$util.isString(message.status))
                                return "status: string expected";
                        if (message.detail != null && $Object.hasOwnProperty.call(message, "detail"))
                            if (!$util.isString(message.detail))
                                return "detail: string expected";
                        return null;
                    };

                    MsgKeyExchange.fromObject = function (object, _depth) {
                        if (object instanceof $root.com.bird2fish.birdtalksdk.pbmodel.MsgKeyExchange)
                            return object;
                        if (!$util.isObject(object))
                            throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgKeyExchange: object expected");
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var message = new $root.com.bird2fish.birdtalksdk.pbmodel.MsgKeyExchange();
                        if (object.keyPrint != null)
                            if (typeof object.keyPrint === "object" ? object.keyPrint.low || object.keyPrint.high : $Number(object.keyPrint) !== 0)
                                if ($util.Long)
                                    message.keyPrint = $util.Long.fromValue(object.keyPrint, false);
                                else if (typeof object.keyPrint === "string")
                                    message.keyPrint = $parseInt(object.keyPrint, 10);
                                else if (typeof object.keyPrint === "number")
                                    message.keyPrint = object.keyPrint;
                                else if (typeof object.keyPrint === "object")
                                    message.keyPrint = new $util.LongBits(object.keyPrint.low >>> 0, object.keyPrint.high >>> 0).toNumber();
                        if (object.rsaPrint != null)
                            if (typeof object.rsaPrint === "object" ? object.rsaPrint.low || object.rsaPrint.high : $Number(object.rsaPrint) !== 0)
                                if ($util.Long)
                                    message.rsaPrint = $util.Long.fromValue(object.rsaPrint, false);
                                else if (typeof object.rsaPrint === "string")
                                    message.rsaPrint = $parseInt(object.rsaPrint, 10);
                                else if (typeof object.rsaPrint === "number")
                                    message.rsaPrint = object.rsaPrint;
                                else if (typeof object.rsaPrint === "object")
                                    message.rsaPrint = new $util.LongBits(object.rsaPrint.low >>> 0, object.rsaPrint.high >>> 0).toNumber();
                        if (object.stage != null)
                            if ($Number(object.stage) !== 0)
                                message.stage = object.stage | 0;
                        if (object.tempKey != null)
                            if (object.tempKey.length)
                                if (typeof object.tempKey === "string")
                                    $util.base64.decode(object.tempKey, message.tempKey = $util.newBuffer($util.base64.length(object.tempKey)), 0);
                                else if (object.tempKey.length >= 0)
                                    message.tempKey = object.tempKey;
                        if (object.pubKey != null)
                            if (object.pubKey.length)
                                if (typeof object.pubKey === "string")
                                    $util.base64.decode(object.pubKey, message.pubKey = $util.newBuffer($util.base64.length(object.pubKey)), 0);
                                else if (object.pubKey.length >= 0)
                                    message.pubKey = object.pubKey;
                        if (object.encType != null)
                            if (typeof object.encType !== "string" || object.encType.length)
                                message.encType = $String(object.encType);
                        if (object.status != null)
                            if (typeof object.status !== "string" || object.status.length)
                                message.status = $String(object.status);
                        if (object.detail != null)
                            if (typeof object.detail !== "string" || object.detail.length)
                                message.detail = $String(object.detail);
                        return message;
                    };

                    MsgKeyExchange.toObject = function (message, options, _depth) {
                        if (!options)
                            options = {};
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var object = {};
                        if (options.defaults) {
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.keyPrint = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.keyPrint = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.rsaPrint = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.rsaPrint = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            object.stage = 0;
                            if (options.bytes === $String)
                                object.tempKey = "";
                            else {
                                object.tempKey = [];
                                if (options.bytes !== $Array)
                                    object.tempKey = $util.newBuffer(object.tempKey);
                            }
                            if (options.bytes === $String)
                                object.pubKey = "";
                            else {
                                object.pubKey = [];
                                if (options.bytes !== $Array)
                                    object.pubKey = $util.newBuffer(object.pubKey);
                            }
                            object.encType = "";
                            object.status = "";
                            object.detail = "";
                        }
                        if (message.keyPrint != null && $Object.hasOwnProperty.call(message, "keyPrint"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.keyPrint = typeof message.keyPrint === "number" ? $BigInt(message.keyPrint) : $util.Long.fromBits(message.keyPrint.low >>> 0, message.keyPrint.high >>> 0, false).toBigInt();
                            else if (typeof message.keyPrint === "number")
                                object.keyPrint = options.longs === $String ? $String(message.keyPrint) : message.keyPrint;
                            else
                                object.keyPrint = options.longs === $String ? $util.Long.prototype.toString.call(message.keyPrint) : options.longs === $Number ? new $util.LongBits(message.keyPrint.low >>> 0, message.keyPrint.high >>> 0).toNumber() : message.keyPrint;
                        if (message.rsaPrint != null && $Object.hasOwnProperty.call(message, "rsaPrint"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.rsaPrint = typeof message.rsaPrint === "number" ? $BigInt(message.rsaPrint) : $util.Long.fromBits(message.rsaPrint.low >>> 0, message.rsaPrint.high >>> 0, false).toBigInt();
                            else if (typeof message.rsaPrint === "number")
                                object.rsaPrint = options.longs === $String ? $String(message.rsaPrint) : message.rsaPrint;
                            else
                                object.rsaPrint = options.longs === $String ? $util.Long.prototype.toString.call(message.rsaPrint) : options.longs === $Number ? new $util.LongBits(message.rsaPrint.low >>> 0, message.rsaPrint.high >>> 0).toNumber() : message.rsaPrint;
                        if (message.stage != null && $Object.hasOwnProperty.call(message, "stage"))
                            object.stage = message.stage;
                        if (message.tempKey != null && $Object.hasOwnProperty.call(message, "tempKey"))
                            object.tempKey = options.bytes === $String ? $util.base64.encode(message.tempKey, 0, message.tempKey.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.tempKey) : message.tempKey;
                        if (message.pubKey != null && $Object.hasOwnProperty.call(message, "pubKey"))
                            object.pubKey = options.bytes === $String ? $util.base64.encode(message.pubKey, 0, message.pubKey.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.pubKey) : message.pubKey;
                        if (message.encType != null && $Object.hasOwnProperty.call(message, "encType"))
                            object.encType = message.encType;
                        if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                            object.status = message.status;
                        if (message.detail != null && $Object.hasOwnProperty.call(message, "detail"))
                            object.detail = message.detail;
                        return object;
                    };

                    MsgKeyExchange.prototype.toJSON = function() {
                        return MsgKeyExchange.toObject(this, $protobuf.util.toJSONOptions);
                    };

                    MsgKeyExchange.getTypeUrl = function(prefix) {
                        if (prefix === $undefined)
                            prefix = "type.googleapis.com";
                        return prefix + "/com.bird2fish.birdtalksdk.pbmodel.MsgKeyExchange";
                    };

                    return MsgKeyExchange;
                })();

                pbmodel.MsgHeartBeat = (function() {

                    var MsgHeartBeat = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    MsgHeartBeat.prototype.tm = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgHeartBeat.prototype.userId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                    MsgHeartBeat.create = function(properties) {
                        return new MsgHeartBeat(properties);
                    };

                    MsgHeartBeat.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.tm != null && $Object.hasOwnProperty.call(message, "tm") && (typeof message.tm === "object" ? message.tm.low || message.tm.high : message.tm !== 0))
                            writer.uint32(8).int64(message.tm);
                        if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && (typeof message.userId === "object" ? message.userId.low || message.userId.high : message.userId !== 0))
                            writer.uint32(16).int64(message.userId);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    MsgHeartBeat.encodeDelimited = function(message, writer) {
                        return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                    };

                    MsgHeartBeat.decode = function (reader, length, _end, _depth, _target) {
                        if (!(reader instanceof $Reader))
                            reader = $Reader.create(reader);
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $Reader.recursionLimit)
                            throw $Error("max depth exceeded");
                        var end, message, value;
                        if (length === $undefined)
                            end = reader.len;
                        else {
                            end = reader.pos + length;
                            if (end > reader.len)
                                throw $RangeError("index out of range");
                            length = reader.len;
                            reader.len = end;
                        }
                        message = _target || new $root.com.bird2fish.birdtalksdk.pbmodel.MsgHeartBeat();
                        while (reader.pos < end) {
                            var start = reader.pos;
                            var tag = reader.tag();
                            if (tag === _end) {
                                _end = $undefined;
                                break;
                            }
                            var wireType = tag & 7;
                            switch (tag >>>= 3) {
                            case 1: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.tm = value;
                                    else
                                        delete message.tm;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.userId = value;
                                    else
                                        delete message.userId;
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

                    MsgHeartBeat.decodeDelimited = function(reader) {
                        if (!(reader instanceof $Reader))
                            reader = new $Reader(reader);
                        return this.decode(reader, reader.size());
                    };

                    MsgHeartBeat.verify = function (message, _depth) {
                        if (typeof message !== "object" || message === null)
                            return "object expected";
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            return "max depth exceeded";
                        if (message.tm != null && $Object.hasOwnProperty.call(message, "tm"))
                            if (!$util.isInteger(message.tm) && !(message.tm && $util.isInteger(message.tm.low) && $util.isInteger(message.tm.high)))
                                return "tm: integer|Long expected";
                        if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                            if (!$util.isInteger(message.userId) && !(message.userId && $util.isInteger(message.userId.low) && $util.isInteger(message.userId.high)))
                                return "userId: integer|Long expected";
                        return null;
                    };

                    MsgHeartBeat.fromObject = function (object, _depth) {
                        if (object instanceof $root.com.bird2fish.birdtalksdk.pbmodel.MsgHeartBeat)
                            return object;
                        if (!$util.isObject(object))
                            throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgHeartBeat: object expected");
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var message = new $root.com.bird2fish.birdtalksdk.pbmodel.MsgHeartBeat();
                        if (object.tm != null)
                            if (typeof object.tm === "object" ? object.tm.low || object.tm.high : $Number(object.tm) !== 0)
                                if ($util.Long)
                                    message.tm = $util.Long.fromValue(object.tm, false);
                                else if (typeof object.tm === "string")
                                    message.tm = $parseInt(object.tm, 10);
                                else if (typeof object.tm === "number")
                                    message.tm = object.tm;
                                else if (typeof object.tm === "object")
                                    message.tm = new $util.LongBits(object.tm.low >>> 0, object.tm.high >>> 0).toNumber();
                        if (object.userId != null)
                            if (typeof object.userId === "object" ? object.userId.low || object.userId.high : $Number(object.userId) !== 0)
                                if ($util.Long)
                                    message.userId = $util.Long.fromValue(object.userId, false);
                                else if (typeof object.userId === "string")
                                    message.userId = $parseInt(object.userId, 10);
                                else if (typeof object.userId === "number")
                                    message.userId = object.userId;
                                else if (typeof object.userId === "object")
                                    message.userId = new $util.LongBits(object.userId.low >>> 0, object.userId.high >>> 0).toNumber();
                        return message;
                    };

                    MsgHeartBeat.toObject = function (message, options, _depth) {
                        if (!options)
                            options = {};
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var object = {};
                        if (options.defaults) {
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.tm = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.tm = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.userId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.userId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        }
                        if (message.tm != null && $Object.hasOwnProperty.call(message, "tm"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.tm = typeof message.tm === "number" ? $BigInt(message.tm) : $util.Long.fromBits(message.tm.low >>> 0, message.tm.high >>> 0, false).toBigInt();
                            else if (typeof message.tm === "number")
                                object.tm = options.longs === $String ? $String(message.tm) : message.tm;
                            else
                                object.tm = options.longs === $String ? $util.Long.prototype.toString.call(message.tm) : options.longs === $Number ? new $util.LongBits(message.tm.low >>> 0, message.tm.high >>> 0).toNumber() : message.tm;
                        if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.userId = typeof message.userId === "number" ? $BigInt(message.userId) : $util.Long.fromBits(message.userId.low >>> 0, message.userId.high >>> 0, false).toBigInt();
                            else if (typeof message.userId === "number")
                                object.userId = options.longs === $String ? $String(message.userId) : message.userId;
                            else
                                object.userId = options.longs === $String ? $util.Long.prototype.toString.call(message.userId) : options.longs === $Number ? new $util.LongBits(message.userId.low >>> 0, message.userId.high >>> 0).toNumber() : message.userId;
                        return object;
                    };

                    MsgHeartBeat.prototype.toJSON = function() {
                        return MsgHeartBeat.toObject(this, $protobuf.util.toJSONOptions);
                    };

                    MsgHeartBeat.getTypeUrl = function(prefix) {
                        if (prefix === $undefined)
                            prefix = "type.googleapis.com";
                        return prefix + "/com.bird2fish.birdtalksdk.pbmodel.MsgHeartBeat";
                    };

                    return MsgHeartBeat;
                })();

                pbmodel.MsgPriority = (function() {
                    var valuesById = $Object.create(null), values = $Object.create(valuesById);
                    values[valuesById[0] = "LOW"] = 0;
                    values[valuesById[1] = "NORMAL"] = 1;
                    values[valuesById[2] = "HIGH"] = 2;
                    return values;
                })();

                pbmodel.ChatMsgStatus = (function() {
                    var valuesById = $Object.create(null), values = $Object.create(valuesById);
                    values[valuesById[0] = "SENDING"] = 0;
                    values[valuesById[1] = "SENT"] = 1;
                    values[valuesById[2] = "FAILED"] = 2;
                    values[valuesById[3] = "DELIVERED"] = 3;
                    values[valuesById[4] = "READ"] = 4;
                    values[valuesById[5] = "DELETED"] = 5;
                    return values;
                })();

                pbmodel.ChatMsgType = (function() {
                    var valuesById = $Object.create(null), values = $Object.create(valuesById);
                    values[valuesById[0] = "TEXT"] = 0;
                    values[valuesById[1] = "IMAGE"] = 1;
                    values[valuesById[2] = "VOICE"] = 2;
                    values[valuesById[3] = "VIDEO"] = 3;
                    values[valuesById[4] = "FILE"] = 4;
                    values[valuesById[5] = "DELETE"] = 5;
                    values[valuesById[6] = "KEY"] = 6;
                    values[valuesById[100] = "PLUGIN"] = 100;
                    return values;
                })();

                pbmodel.EncryptType = (function() {
                    var valuesById = $Object.create(null), values = $Object.create(valuesById);
                    values[valuesById[0] = "PLAIN"] = 0;
                    values[valuesById[1] = "CUSTOM"] = 1;
                    values[valuesById[2] = "CHACHA20"] = 2;
                    values[valuesById[3] = "TWOFISH"] = 3;
                    values[valuesById[4] = "AES"] = 4;
                    return values;
                })();

                pbmodel.ChatType = (function() {
                    var valuesById = $Object.create(null), values = $Object.create(valuesById);
                    values[valuesById[0] = "ChatTypeNone"] = 0;
                    values[valuesById[1] = "ChatTypeP2P"] = 1;
                    values[valuesById[2] = "ChatTypeGroup"] = 2;
                    return values;
                })();

                pbmodel.MsgChat = (function() {

                    var MsgChat = function (properties) {
                        this.params = {};
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    MsgChat.prototype.msgId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgChat.prototype.userId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgChat.prototype.fromId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgChat.prototype.toId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgChat.prototype.tm = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgChat.prototype.devId = "";
                    MsgChat.prototype.sendId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgChat.prototype.msgType = 0;
                    MsgChat.prototype.data = $util.newBuffer([]);
                    MsgChat.prototype.priority = 0;
                    MsgChat.prototype.refMessageId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgChat.prototype.status = 0;
                    MsgChat.prototype.sendReply = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgChat.prototype.recvReply = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgChat.prototype.readReply = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgChat.prototype.encType = 0;
                    MsgChat.prototype.chatType = 0;
                    MsgChat.prototype.subMsgType = 0;
                    MsgChat.prototype.keyPrint = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgChat.prototype.params = $util.emptyObject;

                    MsgChat.create = function(properties) {
                        return new MsgChat(properties);
                    };

                    MsgChat.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.msgId != null && $Object.hasOwnProperty.call(message, "msgId") && (typeof message.msgId === "object" ? message.msgId.low || message.msgId.high : message.msgId !== 0))
                            writer.uint32(8).int64(message.msgId);
                        if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && (typeof message.userId === "object" ? message.userId.low || message.userId.high : message.userId !== 0))
                            writer.uint32(16).int64(message.userId);
                        if (message.fromId != null && $Object.hasOwnProperty.call(message, "fromId") && (typeof message.fromId === "object" ? message.fromId.low || message.fromId.high : message.fromId !== 0))
                            writer.uint32(24).int64(message.fromId);
                        if (message.toId != null && $Object.hasOwnProperty.call(message, "toId") && (typeof message.toId === "object" ? message.toId.low || message.toId.high : message.toId !== 0))
                            writer.uint32(32).int64(message.toId);
                        if (message.tm != null && $Object.hasOwnProperty.call(message, "tm") && (typeof message.tm === "object" ? message.tm.low || message.tm.high : message.tm !== 0))
                            writer.uint32(40).int64(message.tm);
                        if (message.devId != null && $Object.hasOwnProperty.call(message, "devId") && message.devId !== "")
                            writer.uint32(50).string(message.devId);
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId") && (typeof message.sendId === "object" ? message.sendId.low || message.sendId.high : message.sendId !== 0))
                            writer.uint32(56).int64(message.sendId);
                        if (message.msgType != null && $Object.hasOwnProperty.call(message, "msgType") && message.msgType !== 0)
                            writer.uint32(64).int32(message.msgType);
                        if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                            writer.uint32(74).bytes(message.data);
                        if (message.priority != null && $Object.hasOwnProperty.call(message, "priority") && message.priority !== 0)
                            writer.uint32(80).int32(message.priority);
                        if (message.refMessageId != null && $Object.hasOwnProperty.call(message, "refMessageId") && (typeof message.refMessageId === "object" ? message.refMessageId.low || message.refMessageId.high : message.refMessageId !== 0))
                            writer.uint32(88).int64(message.refMessageId);
                        if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                            writer.uint32(96).int32(message.status);
                        if (message.sendReply != null && $Object.hasOwnProperty.call(message, "sendReply") && (typeof message.sendReply === "object" ? message.sendReply.low || message.sendReply.high : message.sendReply !== 0))
                            writer.uint32(104).int64(message.sendReply);
                        if (message.recvReply != null && $Object.hasOwnProperty.call(message, "recvReply") && (typeof message.recvReply === "object" ? message.recvReply.low || message.recvReply.high : message.recvReply !== 0))
                            writer.uint32(112).int64(message.recvReply);
                        if (message.readReply != null && $Object.hasOwnProperty.call(message, "readReply") && (typeof message.readReply === "object" ? message.readReply.low || message.readReply.high : message.readReply !== 0))
                            writer.uint32(120).int64(message.readReply);
                        if (message.encType != null && $Object.hasOwnProperty.call(message, "encType") && message.encType !== 0)
                            writer.uint32(128).int32(message.encType);
                        if (message.chatType != null && $Object.hasOwnProperty.call(message, "chatType") && message.chatType !== 0)
                            writer.uint32(136).int32(message.chatType);
                        if (message.subMsgType != null && $Object.hasOwnProperty.call(message, "subMsgType") && message.subMsgType !== 0)
                            writer.uint32(144).int32(message.subMsgType);
                        if (message.keyPrint != null && $Object.hasOwnProperty.call(message, "keyPrint") && (typeof message.keyPrint === "object" ? message.keyPrint.low || message.keyPrint.high : message.keyPrint !== 0))
                            writer.uint32(152).int64(message.keyPrint);
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params"))
                            for (var keys = $Object.keys(message.params), i = 0; i < keys.length; ++i)
                                writer.uint32(242).fork().uint32(10).string(keys[i]).uint32(18).string(message.params[keys[i]]).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    MsgChat.encodeDelimited = function(message, writer) {
                        return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                    };

                    MsgChat.decode = function (reader, length, _end, _depth, _target) {
                        if (!(reader instanceof $Reader))
                            reader = $Reader.create(reader);
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $Reader.recursionLimit)
                            throw $Error("max depth exceeded");
                        var end, message, key, value;
                        if (length === $undefined)
                            end = reader.len;
                        else {
                            end = reader.pos + length;
                            if (end > reader.len)
                                throw $RangeError("index out of range");
                            length = reader.len;
                            reader.len = end;
                        }
                        message = _target || new $root.com.bird2fish.birdtalksdk.pbmodel.MsgChat();
                        while (reader.pos < end) {
                            var start = reader.pos;
                            var tag = reader.tag();
                            if (tag === _end) {
                                _end = $undefined;
                                break;
                            }
                            var wireType = tag & 7;
                            switch (tag >>>= 3) {
                            case 1: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.msgId = value;
                                    else
                                        delete message.msgId;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.userId = value;
                                    else
                                        delete message.userId;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.fromId = value;
                                    else
                                        delete message.fromId;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.toId = value;
                                    else
                                        delete message.toId;
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.tm = value;
                                    else
                                        delete message.tm;
                                    continue;
                                }
                            case 6: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.devId = value;
                                    else
                                        delete message.devId;
                                    continue;
                                }
                            case 7: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.sendId = value;
                                    else
                                        delete message.sendId;
                                    continue;
                                }
                            case 8: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.msgType = value;
                                    else
                                        delete message.msgType;
                                    continue;
                                }
                            case 9: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.bytes()).length)
                                        message.data = value;
                                    else
                                        delete message.data;
                                    continue;
                                }
                            case 10: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.priority = value;
                                    else
                                        delete message.priority;
                                    continue;
                                }
                            case 11: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.refMessageId = value;
                                    else
                                        delete message.refMessageId;
                                    continue;
                                }
                            case 12: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.status = value;
                                    else
                                        delete message.status;
                                    continue;
                                }
                            case 13: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.sendReply = value;
                                    else
                                        delete message.sendReply;
                                    continue;
                                }
                            case 14: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.recvReply = value;
                                    else
                                        delete message.recvReply;
                                    continue;
                                }
                            case 15: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.readReply = value;
                                    else
                                        delete message.readReply;
                                    continue;
                                }
                            case 16: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.encType = value;
                                    else
                                        delete message.encType;
                                    continue;
                                }
                            case 17: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.chatType = value;
                                    else
                                        delete message.chatType;
                                    continue;
                                }
                            case 18: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.subMsgType = value;
                                    else
                                        delete message.subMsgType;
                                    continue;
                                }
                            case 19: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.keyPrint = value;
                                    else
                                        delete message.keyPrint;
                                    continue;
                                }
                            case 30: {
                                    if (wireType !== 2)
                                        break;
                                    if (message.params === $util.emptyObject)
                                        message.params = {};
                                    var end2 = reader.size() + reader.pos;
                                    if (end2 > reader.len)
                                        throw $RangeError("index out of range");
                                    reader.len = end2;
                                    key = "";
                                    value = "";
                                    while (reader.pos < end2) {
                                        var tag2 = reader.tag();
                                        wireType = tag2 & 7;
                                        switch (tag2 >>>= 3) {
                                        case 1:
                                            if (wireType !== 2)
                                                break;
                                            key = reader.stringVerify();
                                            continue;
                                        case 2:
                                            if (wireType !== 2)
                                                break;
                                            value = reader.stringVerify();
                                            continue;
                                        }
                                        reader.skipType(wireType, _depth, tag2);
                                    }
                                    if (reader.pos !== end2)
                                        throw $RangeError("index out of range");
                                    reader.len = end;
                                    if (key === "__proto__")
                                        $util.makeProp(message.params, key);
                                    message.params[key] = value;
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

                    MsgChat.decodeDelimited = function(reader) {
                        if (!(reader instanceof $Reader))
                            reader = new $Reader(reader);
                        return this.decode(reader, reader.size());
                    };

                    MsgChat.verify = function (message, _depth) {
                        if (typeof message !== "object" || message === null)
                            return "object expected";
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            return "max depth exceeded";
                        if (message.msgId != null && $Object.hasOwnProperty.call(message, "msgId"))
                            if (!$util.isInteger(message.msgId) && !(message.msgId && $util.isInteger(message.msgId.low) && $util.isInteger(message.msgId.high)))
                                return "msgId: integer|Long expected";
                        if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                            if (!$util.isInteger(message.userId) && !(message.userId && $util.isInteger(message.userId.low) && $util.isInteger(message.userId.high)))
                                return "userId: integer|Long expected";
                        if (message.fromId != null && $Object.hasOwnProperty.call(message, "fromId"))
                            if (!$util.isInteger(message.fromId) && !(message.fromId && $util.isInteger(message.fromId.low) && $util.isInteger(message.fromId.high)))
                                return "fromId: integer|Long expected";
                        if (message.toId != null && $Object.hasOwnProperty.call(message, "toId"))
                            if (!$util.isInteger(message.toId) && !(message.toId && $util.isInteger(message.toId.low) && $util.isInteger(message.toId.high)))
                                return "toId: integer|Long expected";
                        if (message.tm != null && $Object.hasOwnProperty.call(message, "tm"))
                            if (!$util.isInteger(message.tm) && !(message.tm && $util.isInteger(message.tm.low) && $util.isInteger(message.tm.high)))
                                return "tm: integer|Long expected";
                        if (message.devId != null && $Object.hasOwnProperty.call(message, "devId"))
                            if (!$util.isString(message.devId))
                                return "devId: string expected";
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId"))
                            if (!$util.isInteger(message.sendId) && !(message.sendId && $util.isInteger(message.sendId.low) && $util.isInteger(message.sendId.high)))
                                return "sendId: integer|Long expected";
                        if (message.msgType != null && $Object.hasOwnProperty.call(message, "msgType"))
                            if (typeof message.msgType !== "number" || (message.msgType | 0) !== message.msgType)
                                return "msgType: enum value expected";
                        if (message.data != null && $Object.hasOwnProperty.call(message, "data"))
                            if (!(message.data && typeof message.data.length === "number" || $util.isString(message.data)))
                                return "data: buffer expected";
                        if (message.priority != null && $Object.hasOwnProperty.call(message, "priority"))
                            if (typeof message.priority !== "number" || (message.priority | 0) !== message.priority)
                                return "priority: enum value expected";
                        if (message.refMessageId != null && $Object.hasOwnProperty.call(message, "refMessageId"))
                            if (!$util.isInteger(message.refMessageId) && !(message.refMessageId && $util.isInteger(message.refMessageId.low) && $util.isInteger(message.refMessageId.high)))
                                return "refMessageId: integer|Long expected";
                        if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                            if (typeof message.status !== "number" || (message.status | 0) !== message.status)
                                return "status: enum value expected";
                        if (message.sendReply != null && $Object.hasOwnProperty.call(message, "sendReply"))
                            if (!$util.isInteger(message.sendReply) && !(message.sendReply && $util.isInteger(message.sendReply.low) && $util.isInteger(message.sendReply.high)))
                                return "sendReply: integer|Long expected";
                        if (message.recvReply != null && $Object.hasOwnProperty.call(message, "recvReply"))
                            if (!$util.isInteger(message.recvReply) && !(message.recvReply && $util.isInteger(message.recvReply.low) && $util.isInteger(message.recvReply.high)))
                                return "recvReply: integer|Long expected";
                        if (message.readReply != null && $Object.hasOwnProperty.call(message, "readReply"))
                            if (!$util.isInteger(message.readReply) && !(message.readReply && $util.isInteger(message.readReply.low) && $util.isInteger(message.readReply.high)))
                                return "readReply: integer|Long expected";
                        if (message.encType != null && $Object.hasOwnProperty.call(message, "encType"))
                            if (typeof message.encType !== "number" || (message.encType | 0) !== message.encType)
                                return "encType: enum value expected";
                        if (message.chatType != null && $Object.hasOwnProperty.call(message, "chatType"))
                            if (typeof message.chatType !== "number" || (message.chatType | 0) !== message.chatType)
                                return "chatType: enum value expected";
                        if (message.subMsgType != null && $Object.hasOwnProperty.call(message, "subMsgType"))
                            if (!$util.isInteger(message.subMsgType))
                                return "subMsgType: integer expected";
                        if (message.keyPrint != null && $Object.hasOwnProperty.call(message, "keyPrint"))
                            if (!$util.isInteger(message.keyPrint) && !(message.keyPrint && $util.isInteger(message.keyPrint.low) && $util.isInteger(message.keyPrint.high)))
                                return "keyPrint: integer|Long expected";
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params")) {
                            if (!$util.isObject(message.params))
                                return "params: object expected";
                            var key = $Object.keys(message.params);
                            for (var i = 0; i < key.length; ++i)
                                if (!$util.isString(message.params[key[i]]))
                                    return "params: string{k:string} expected";
                        }
                        return null;
                    };

                    MsgChat.fromObject = function (object, _depth) {
                        if (object instanceof $root.com.bird2fish.birdtalksdk.pbmodel.MsgChat)
                            return object;
                        if (!$util.isObject(object))
                            throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgChat: object expected");
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var message = new $root.com.bird2fish.birdtalksdk.pbmodel.MsgChat();
                        if (object.msgId != null)
                            if (typeof object.msgId === "object" ? object.msgId.low || object.msgId.high : $Number(object.msgId) !== 0)
                                if ($util.Long)
                                    message.msgId = $util.Long.fromValue(object.msgId, false);
                                else if (typeof object.msgId === "string")
                                    message.msgId = $parseInt(object.msgId, 10);
                                else if (typeof object.msgId === "number")
                                    message.msgId = object.msgId;
                                else if (typeof object.msgId === "object")
                                    message.msgId = new $util.LongBits(object.msgId.low >>> 0, object.msgId.high >>> 0).toNumber();
                        if (object.userId != null)
                            if (typeof object.userId === "object" ? object.userId.low || object.userId.high : $Number(object.userId) !== 0)
                                if ($util.Long)
                                    message.userId = $util.Long.fromValue(object.userId, false);
                                else if (typeof object.userId === "string")
                                    message.userId = $parseInt(object.userId, 10);
                                else if (typeof object.userId === "number")
                                    message.userId = object.userId;
                                else if (typeof object.userId === "object")
                                    message.userId = new $util.LongBits(object.userId.low >>> 0, object.userId.high >>> 0).toNumber();
                        if (object.fromId != null)
                            if (typeof object.fromId === "object" ? object.fromId.low || object.fromId.high : $Number(object.fromId) !== 0)
                                if ($util.Long)
                                    message.fromId = $util.Long.fromValue(object.fromId, false);
                                else if (typeof object.fromId === "string")
                                    message.fromId = $parseInt(object.fromId, 10);
                                else if (typeof object.fromId === "number")
                                    message.fromId = object.fromId;
                                else if (typeof object.fromId === "object")
                                    message.fromId = new $util.LongBits(object.fromId.low >>> 0, object.fromId.high >>> 0).toNumber();
                        if (object.toId != null)
                            if (typeof object.toId === "object" ? object.toId.low || object.toId.high : $Number(object.toId) !== 0)
                                if ($util.Long)
                                    message.toId = $util.Long.fromValue(object.toId, false);
                                else if (typeof object.toId === "string")
                                    message.toId = $parseInt(object.toId, 10);
                                else if (typeof object.toId === "number")
                                    message.toId = object.toId;
                                else if (typeof object.toId === "object")
                                    message.toId = new $util.LongBits(object.toId.low >>> 0, object.toId.high >>> 0).toNumber();
                        if (object.tm != null)
                            if (typeof object.tm === "object" ? object.tm.low || object.tm.high : $Number(object.tm) !== 0)
                                if ($util.Long)
                                    message.tm = $util.Long.fromValue(object.tm, false);
                                else if (typeof object.tm === "string")
                                    message.tm = $parseInt(object.tm, 10);
                                else if (typeof object.tm === "number")
                                    message.tm = object.tm;
                                else if (typeof object.tm === "object")
                                    message.tm = new $util.LongBits(object.tm.low >>> 0, object.tm.high >>> 0).toNumber();
                        if (object.devId != null)
                            if (typeof object.devId !== "string" || object.devId.length)
                                message.devId = $String(object.devId);
                        if (object.sendId != null)
                            if (typeof object.sendId === "object" ? object.sendId.low || object.sendId.high : $Number(object.sendId) !== 0)
                                if ($util.Long)
                                    message.sendId = $util.Long.fromValue(object.sendId, false);
                                else if (typeof object.sendId === "string")
                                    message.sendId = $parseInt(object.sendId, 10);
                                else if (typeof object.sendId === "number")
                                    message.sendId = object.sendId;
                                else if (typeof object.sendId === "object")
                                    message.sendId = new $util.LongBits(object.sendId.low >>> 0, object.sendId.high >>> 0).toNumber();
                        if (object.msgType !== 0 && (typeof object.msgType !== "string" || $root.com.bird2fish.birdtalksdk.pbmodel.ChatMsgType[object.msgType] !== 0))
                            switch (object.msgType) {
                            case "TEXT":
                            case 0:
                                message.msgType = 0;
                                break;
                            case "IMAGE":
                            case 1:
                                message.msgType = 1;
                                break;
                            case "VOICE":
                            case 2:
                                message.msgType = 2;
                                break;
                            case "VIDEO":
                            case 3:
                                message.msgType = 3;
                                break;
                            case "FILE":
                            case 4:
                                message.msgType = 4;
                                break;
                            case "DELETE":
                            case 5:
                                message.msgType = 5;
                                break;
                            case "KEY":
                            case 6:
                                message.msgType = 6;
                                break;
                            case "PLUGIN":
                            case 100:
                                message.msgType = 100;
                                break;
                            default:
                                if (typeof object.msgType === "number" && (object.msgType | 0) === object.msgType)
                                    message.msgType = object.msgType;
                            }
                        if (object.data != null)
                            if (object.data.length)
                                if (typeof object.data === "string")
                                    $util.base64.decode(object.data, message.data = $util.newBuffer($util.base64.length(object.data)), 0);
                                else if (object.data.length >= 0)
                                    message.data = object.data;
                        if (object.priority !== 0 && (typeof object.priority !== "string" || $root.com.bird2fish.birdtalksdk.pbmodel.MsgPriority[object.priority] !== 0))
                            switch (object.priority) {
                            case "LOW":
                            case 0:
                                message.priority = 0;
                                break;
                            case "NORMAL":
                            case 1:
                                message.priority = 1;
                                break;
                            case "HIGH":
                            case 2:
                                message.priority = 2;
                                break;
                            default:
                                if (typeof object.priority === "number" && (object.priority | 0) === object.priority)
                                    message.priority = object.priority;
                            }
                        if (object.refMessageId != null)
                            if (typeof object.refMessageId === "object" ? object.refMessageId.low || object.refMessageId.high : $Number(object.refMessageId) !== 0)
                                if ($util.Long)
                                    message.refMessageId = $util.Long.fromValue(object.refMessageId, false);
                                else if (typeof object.refMessageId === "string")
                                    message.refMessageId = $parseInt(object.refMessageId, 10);
                                else if (typeof object.refMessageId === "number")
                                    message.refMessageId = object.refMessageId;
                                else if (typeof object.refMessageId === "object")
                                    message.refMessageId = new $util.LongBits(object.refMessageId.low >>> 0, object.refMessageId.high >>> 0).toNumber();
                        if (object.status !== 0 && (typeof object.status !== "string" || $root.com.bird2fish.birdtalksdk.pbmodel.ChatMsgStatus[object.status] !== 0))
                            switch (object.status) {
                            case "SENDING":
                            case 0:
                                message.status = 0;
                                break;
                            case "SENT":
                            case 1:
                                message.status = 1;
                                break;
                            case "FAILED":
                            case 2:
                                message.status = 2;
                                break;
                            case "DELIVERED":
                            case 3:
                                message.status = 3;
                                break;
                            case "READ":
                            case 4:
                                message.status = 4;
                                break;
                            case "DELETED":
                            case 5:
                                message.status = 5;
                                break;
                            default:
                                if (typeof object.status === "number" && (object.status | 0) === object.status)
                                    message.status = object.status;
                            }
                        if (object.sendReply != null)
                            if (typeof object.sendReply === "object" ? object.sendReply.low || object.sendReply.high : $Number(object.sendReply) !== 0)
                                if ($util.Long)
                                    message.sendReply = $util.Long.fromValue(object.sendReply, false);
                                else if (typeof object.sendReply === "string")
                                    message.sendReply = $parseInt(object.sendReply, 10);
                                else if (typeof object.sendReply === "number")
                                    message.sendReply = object.sendReply;
                                else if (typeof object.sendReply === "object")
                                    message.sendReply = new $util.LongBits(object.sendReply.low >>> 0, object.sendReply.high >>> 0).toNumber();
                        if (object.recvReply != null)
                            if (typeof object.recvReply === "object" ? object.recvReply.low || object.recvReply.high : $Number(object.recvReply) !== 0)
                                if ($util.Long)
                                    message.recvReply = $util.Long.fromValue(object.recvReply, false);
                                else if (typeof object.recvReply === "string")
                                    message.recvReply = $parseInt(object.recvReply, 10);
                                else if (typeof object.recvReply === "number")
                                    message.recvReply = object.recvReply;
                                else if (typeof object.recvReply === "object")
                                    message.recvReply = new $util.LongBits(object.recvReply.low >>> 0, object.recvReply.high >>> 0).toNumber();
                        if (object.readReply != null)
                            if (typeof object.readReply === "object" ? object.readReply.low || object.readReply.high : $Number(object.readReply) !== 0)
                                if ($util.Long)
                                    message.readReply = $util.Long.fromValue(object.readReply, false);
                                else if (typeof object.readReply === "string")
                                    message.readReply = $parseInt(object.readReply, 10);
                                else if (typeof object.readReply === "number")
                                    message.readReply = object.readReply;
                                else if (typeof object.readReply === "object")
                                    message.readReply = new $util.LongBits(object.readReply.low >>> 0, object.readReply.high >>> 0).toNumber();
                        if (object.encType !== 0 && (typeof object.encType !== "string" || $root.com.bird2fish.birdtalksdk.pbmodel.EncryptType[object.encType] !== 0))
                            switch (object.encType) {
                            case "PLAIN":
                            case 0:
                                message.encType = 0;
                                break;
                            case "CUSTOM":
                            case 1:
                                message.encType = 1;
                                break;
                            case "CHACHA20":
                            case 2:
                                message.encType = 2;
                                break;
                            case "TWOFISH":
                            case 3:
                                message.encType = 3;
                                break;
                            case "AES":
                            case 4:
                                message.encType = 4;
                                break;
                            default:
                                if (typeof object.encType === "number" && (object.encType | 0) === object.encType)
                                    message.encType = object.encType;
                            }
                        if (object.chatType !== 0 && (typeof object.chatType !== "string" || $root.com.bird2fish.birdtalksdk.pbmodel.ChatType[object.chatType] !== 0))
                            switch (object.chatType) {
                            case "ChatTypeNone":
                            case 0:
                                message.chatType = 0;
                                break;
                            case "ChatTypeP2P":
                            case 1:
                                message.chatType = 1;
                                break;
                            case "ChatTypeGroup":
                            case 2:
                                message.chatType = 2;
                                break;
                            default:
                                if (typeof object.chatType === "number" && (object.chatType | 0) === object.chatType)
                                    message.chatType = object.chatType;
                            }
                        if (object.subMsgType != null)
                            if ($Number(object.subMsgType) !== 0)
                                message.subMsgType = object.subMsgType | 0;
                        if (object.keyPrint != null)
                            if (typeof object.keyPrint === "object" ? object.keyPrint.low || object.keyPrint.high : $Number(object.keyPrint) !== 0)
                                if ($util.Long)
                                    message.keyPrint = $util.Long.fromValue(object.keyPrint, false);
                                else if (typeof object.keyPrint === "string")
                                    message.keyPrint = $parseInt(object.keyPrint, 10);
                                else if (typeof object.keyPrint === "number")
                                    message.keyPrint = object.keyPrint;
                                else if (typeof object.keyPrint === "object")
                                    message.keyPrint = new $util.LongBits(object.keyPrint.low >>> 0, object.keyPrint.high >>> 0).toNumber();
                        if (object.params) {
                            if (!$util.isObject(object.params))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgChat.params: object expected");
                            message.params = {};
                            for (var keys = $Object.keys(object.params), i = 0; i < keys.length; ++i) {
                                if (keys[i] === "__proto__")
                                    $util.makeProp(message.params, keys[i]);
                                message.params[keys[i]] = $String(object.params[keys[i]]);
                            }
                        }
                        return message;
                    };

                    MsgChat.toObject = function (message, options, _depth) {
                        if (!options)
                            options = {};
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var object = {};
                        if (options.objects || options.defaults)
                            object.params = {};
                        if (options.defaults) {
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.msgId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.msgId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.userId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.userId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.fromId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.fromId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.toId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.toId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.tm = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.tm = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            object.devId = "";
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.sendId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.sendId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            object.msgType = options.enums === $String ? "TEXT" : 0;
                            if (options.bytes === $String)
                                object.data = "";
                            else {
                                object.data = [];
                                if (options.bytes !== $Array)
                                    object.data = $util.newBuffer(object.data);
                            }
                            object.priority = options.enums === $String ? "LOW" : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.refMessageId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.refMessageId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            object.status = options.enums === $String ? "SENDING" : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.sendReply = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.sendReply = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.recvReply = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.recvReply = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.readReply = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.readReply = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            object.encType = options.enums === $String ? "PLAIN" : 0;
                            object.chatType = options.enums === $String ? "ChatTypeNone" : 0;
                            object.subMsgType = 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.keyPrint = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.keyPrint = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        }
                        if (message.msgId != null && $Object.hasOwnProperty.call(message, "msgId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.msgId = typeof message.msgId === "number" ? $BigInt(message.msgId) : $util.Long.fromBits(message.msgId.low >>> 0, message.msgId.high >>> 0, false).toBigInt();
                            else if (typeof message.msgId === "number")
                                object.msgId = options.longs === $String ? $String(message.msgId) : message.msgId;
                            else
                                object.msgId = options.longs === $String ? $util.Long.prototype.toString.call(message.msgId) : options.longs === $Number ? new $util.LongBits(message.msgId.low >>> 0, message.msgId.high >>> 0).toNumber() : message.msgId;
                        if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.userId = typeof message.userId === "number" ? $BigInt(message.userId) : $util.Long.fromBits(message.userId.low >>> 0, message.userId.high >>> 0, false).toBigInt();
                            else if (typeof message.userId === "number")
                                object.userId = options.longs === $String ? $String(message.userId) : message.userId;
                            else
                                object.userId = options.longs === $String ? $util.Long.prototype.toString.call(message.userId) : options.longs === $Number ? new $util.LongBits(message.userId.low >>> 0, message.userId.high >>> 0).toNumber() : message.userId;
                        if (message.fromId != null && $Object.hasOwnProperty.call(message, "fromId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.fromId = typeof message.fromId === "number" ? $BigInt(message.fromId) : $util.Long.fromBits(message.fromId.low >>> 0, message.fromId.high >>> 0, false).toBigInt();
                            else if (typeof message.fromId === "number")
                                object.fromId = options.longs === $String ? $String(message.fromId) : message.fromId;
                            else
                                object.fromId = options.longs === $String ? $util.Long.prototype.toString.call(message.fromId) : options.longs === $Number ? new $util.LongBits(message.fromId.low >>> 0, message.fromId.high >>> 0).toNumber() : message.fromId;
                        if (message.toId != null && $Object.hasOwnProperty.call(message, "toId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.toId = typeof message.toId === "number" ? $BigInt(message.toId) : $util.Long.fromBits(message.toId.low >>> 0, message.toId.high >>> 0, false).toBigInt();
                            else if (typeof message.toId === "number")
                                object.toId = options.longs === $String ? $String(message.toId) : message.toId;
                            else
                                object.toId = options.longs === $String ? $util.Long.prototype.toString.call(message.toId) : options.longs === $Number ? new $util.LongBits(message.toId.low >>> 0, message.toId.high >>> 0).toNumber() : message.toId;
                        if (message.tm != null && $Object.hasOwnProperty.call(message, "tm"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.tm = typeof message.tm === "number" ? $BigInt(message.tm) : $util.Long.fromBits(message.tm.low >>> 0, message.tm.high >>> 0, false).toBigInt();
                            else if (typeof message.tm === "number")
                                object.tm = options.longs === $String ? $String(message.tm) : message.tm;
                            else
                                object.tm = options.longs === $String ? $util.Long.prototype.toString.call(message.tm) : options.longs === $Number ? new $util.LongBits(message.tm.low >>> 0, message.tm.high >>> 0).toNumber() : message.tm;
                        if (message.devId != null && $Object.hasOwnProperty.call(message, "devId"))
                            object.devId = message.devId;
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.sendId = typeof message.sendId === "number" ? $BigInt(message.sendId) : $util.Long.fromBits(message.sendId.low >>> 0, message.sendId.high >>> 0, false).toBigInt();
                            else if (typeof message.sendId === "number")
                                object.sendId = options.longs === $String ? $String(message.sendId) : message.sendId;
                            else
                                object.sendId = options.longs === $String ? $util.Long.prototype.toString.call(message.sendId) : options.longs === $Number ? new $util.LongBits(message.sendId.low >>> 0, message.sendId.high >>> 0).toNumber() : message.sendId;
                        if (message.msgType != null && $Object.hasOwnProperty.call(message, "msgType"))
                            object.msgType = options.enums === $String ? $root.com.bird2fish.birdtalksdk.pbmodel.ChatMsgType[message.msgType] === $undefined ? message.msgType : $root.com.bird2fish.birdtalksdk.pbmodel.ChatMsgType[message.msgType] : message.msgType;
                        if (message.data != null && $Object.hasOwnProperty.call(message, "data"))
                            object.data = options.bytes === $String ? $util.base64.encode(message.data, 0, message.data.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.data) : message.data;
                        if (message.priority != null && $Object.hasOwnProperty.call(message, "priority"))
                            object.priority = options.enums === $String ? $root.com.bird2fish.birdtalksdk.pbmodel.MsgPriority[message.priority] === $undefined ? message.priority : $root.com.bird2fish.birdtalksdk.pbmodel.MsgPriority[message.priority] : message.priority;
                        if (message.refMessageId != null && $Object.hasOwnProperty.call(message, "refMessageId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.refMessageId = typeof message.refMessageId === "number" ? $BigInt(message.refMessageId) : $util.Long.fromBits(message.refMessageId.low >>> 0, message.refMessageId.high >>> 0, false).toBigInt();
                            else if (typeof message.refMessageId === "number")
                                object.refMessageId = options.longs === $String ? $String(message.refMessageId) : message.refMessageId;
                            else
                                object.refMessageId = options.longs === $String ? $util.Long.prototype.toString.call(message.refMessageId) : options.longs === $Number ? new $util.LongBits(message.refMessageId.low >>> 0, message.refMessageId.high >>> 0).toNumber() : message.refMessageId;
                        if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                            object.status = options.enums === $String ? $root.com.bird2fish.birdtalksdk.pbmodel.ChatMsgStatus[message.status] === $undefined ? message.status : $root.com.bird2fish.birdtalksdk.pbmodel.ChatMsgStatus[message.status] : message.status;
                        if (message.sendReply != null && $Object.hasOwnProperty.call(message, "sendReply"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.sendReply = typeof message.sendReply === "number" ? $BigInt(message.sendReply) : $util.Long.fromBits(message.sendReply.low >>> 0, message.sendReply.high >>> 0, false).toBigInt();
                            else if (typeof message.sendReply === "number")
                                object.sendReply = options.longs === $String ? $String(message.sendReply) : message.sendReply;
                            else
                                object.sendReply = options.longs === $String ? $util.Long.prototype.toString.call(message.sendReply) : options.longs === $Number ? new $util.LongBits(message.sendReply.low >>> 0, message.sendReply.high >>> 0).toNumber() : message.sendReply;
                        if (message.recvReply != null && $Object.hasOwnProperty.call(message, "recvReply"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.recvReply = typeof message.recvReply === "number" ? $BigInt(message.recvReply) : $util.Long.fromBits(message.recvReply.low >>> 0, message.recvReply.high >>> 0, false).toBigInt();
                            else if (typeof message.recvReply === "number")
                                object.recvReply = options.longs === $String ? $String(message.recvReply) : message.recvReply;
                            else
                                object.recvReply = options.longs === $String ? $util.Long.prototype.toString.call(message.recvReply) : options.longs === $Number ? new $util.LongBits(message.recvReply.low >>> 0, message.recvReply.high >>> 0).toNumber() : message.recvReply;
                        if (message.readReply != null && $Object.hasOwnProperty.call(message, "readReply"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.readReply = typeof message.readReply === "number" ? $BigInt(message.readReply) : $util.Long.fromBits(message.readReply.low >>> 0, message.readReply.high >>> 0, false).toBigInt();
                            else if (typeof message.readReply === "number")
                                object.readReply = options.longs === $String ? $String(message.readReply) : message.readReply;
                            else
                                object.readReply = options.longs === $String ? $util.Long.prototype.toString.call(message.readReply) : options.longs === $Number ? new $util.LongBits(message.readReply.low >>> 0, message.readReply.high >>> 0).toNumber() : message.readReply;
                        if (message.encType != null && $Object.hasOwnProperty.call(message, "encType"))
                            object.encType = options.enums === $String ? $root.com.bird2fish.birdtalksdk.pbmodel.EncryptType[message.encType] === $undefined ? message.encType : $root.com.bird2fish.birdtalksdk.pbmodel.EncryptType[message.encType] : message.encType;
                        if (message.chatType != null && $Object.hasOwnProperty.call(message, "chatType"))
                            object.chatType = options.enums === $String ? $root.com.bird2fish.birdtalksdk.pbmodel.ChatType[message.chatType] === $undefined ? message.chatType : $root.com.bird2fish.birdtalksdk.pbmodel.ChatType[message.chatType] : message.chatType;
                        if (message.subMsgType != null && $Object.hasOwnProperty.call(message, "subMsgType"))
                            object.subMsgType = message.subMsgType;
                        if (message.keyPrint != null && $Object.hasOwnProperty.call(message, "keyPrint"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.keyPrint = typeof message.keyPrint === "number" ? $BigInt(message.keyPrint) : $util.Long.fromBits(message.keyPrint.low >>> 0, message.keyPrint.high >>> 0, false).toBigInt();
                            else if (typeof message.keyPrint === "number")
                                object.keyPrint = options.longs === $String ? $String(message.keyPrint) : message.keyPrint;
                            else
                                object.keyPrint = options.longs === $String ? $util.Long.prototype.toString.call(message.keyPrint) : options.longs === $Number ? new $util.LongBits(message.keyPrint.low >>> 0, message.keyPrint.high >>> 0).toNumber() : message.keyPrint;
                        var keys2;
                        if (message.params && (keys2 = $Object.keys(message.params)).length) {
                            object.params = {};
                            for (var j = 0; j < keys2.length; ++j) {
                                if (keys2[j] === "__proto__")
                                    $util.makeProp(object.params, keys2[j]);
                                object.params[keys2[j]] = message.params[keys2[j]];
                            }
                        }
                        return object;
                    };

                    MsgChat.prototype.toJSON = function() {
                        return MsgChat.toObject(this, $protobuf.util.toJSONOptions);
                    };

                    MsgChat.getTypeUrl = function(prefix) {
                        if (prefix === $undefined)
                            prefix = "type.googleapis.com";
                        return prefix + "/com.bird2fish.birdtalksdk.pbmodel.MsgChat";
                    };

                    return MsgChat;
                })();

                pbmodel.MsgChatReply = (function() {

                    var MsgChatReply = function (properties) {
                        this.params = {};
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    MsgChatReply.prototype.msgId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgChatReply.prototype.sendId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgChatReply.prototype.sendOk = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgChatReply.prototype.recvOk = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgChatReply.prototype.readOk = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgChatReply.prototype.extraMsg = "";
                    MsgChatReply.prototype.userId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgChatReply.prototype.fromId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgChatReply.prototype.params = $util.emptyObject;

                    MsgChatReply.create = function(properties) {
                        return new MsgChatReply(properties);
                    };

                    MsgChatReply.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.msgId != null && $Object.hasOwnProperty.call(message, "msgId") && (typeof message.msgId === "object" ? message.msgId.low || message.msgId.high : message.msgId !== 0))
                            writer.uint32(8).int64(message.msgId);
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId") && (typeof message.sendId === "object" ? message.sendId.low || message.sendId.high : message.sendId !== 0))
                            writer.uint32(16).int64(message.sendId);
                        if (message.sendOk != null && $Object.hasOwnProperty.call(message, "sendOk") && (typeof message.sendOk === "object" ? message.sendOk.low || message.sendOk.high : message.sendOk !== 0))
                            writer.uint32(24).int64(message.sendOk);
                        if (message.recvOk != null && $Object.hasOwnProperty.call(message, "recvOk") && (typeof message.recvOk === "object" ? message.recvOk.low || message.recvOk.high : message.recvOk !== 0))
                            writer.uint32(32).int64(message.recvOk);
                        if (message.readOk != null && $Object.hasOwnProperty.call(message, "readOk") && (typeof message.readOk === "object" ? message.readOk.low || message.readOk.high : message.readOk !== 0))
                            writer.uint32(40).int64(message.readOk);
                        if (message.extraMsg != null && $Object.hasOwnProperty.call(message, "extraMsg") && message.extraMsg !== "")
                            writer.uint32(50).string(message.extraMsg);
                        if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && (typeof message.userId === "object" ? message.userId.low || message.userId.high : message.userId !== 0))
                            writer.uint32(56).int64(message.userId);
                        if (message.fromId != null && $Object.hasOwnProperty.call(message, "fromId") && (typeof message.fromId === "object" ? message.fromId.low || message.fromId.high : message.fromId !== 0))
                            writer.uint32(64).int64(message.fromId);
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params"))
                            for (var keys = $Object.keys(message.params), i = 0; i < keys.length; ++i)
                                writer.uint32(242).fork().uint32(10).string(keys[i]).uint32(18).string(message.params[keys[i]]).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    MsgChatReply.encodeDelimited = function(message, writer) {
                        return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                    };

                    MsgChatReply.decode = function (reader, length, _end, _depth, _target) {
                        if (!(reader instanceof $Reader))
                            reader = $Reader.create(reader);
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $Reader.recursionLimit)
                            throw $Error("max depth exceeded");
                        var end, message, key, value;
                        if (length === $undefined)
                            end = reader.len;
                        else {
                            end = reader.pos + length;
                            if (end > reader.len)
                                throw $RangeError("index out of range");
                            length = reader.len;
                            reader.len = end;
                        }
                        message = _target || new $root.com.bird2fish.birdtalksdk.pbmodel.MsgChatReply();
                        while (reader.pos < end) {
                            var start = reader.pos;
                            var tag = reader.tag();
                            if (tag === _end) {
                                _end = $undefined;
                                break;
                            }
                            var wireType = tag & 7;
                            switch (tag >>>= 3) {
                            case 1: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.msgId = value;
                                    else
                                        delete message.msgId;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.sendId = value;
                                    else
                                        delete message.sendId;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.sendOk = value;
                                    else
                                        delete message.sendOk;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.recvOk = value;
                                    else
                                        delete message.recvOk;
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.readOk = value;
                                    else
                                        delete message.readOk;
                                    continue;
                                }
                            case 6: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.extraMsg = value;
                                    else
                                        delete message.extraMsg;
                                    continue;
                                }
                            case 7: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.userId = value;
                                    else
                                        delete message.userId;
                                    continue;
                                }
                            case 8: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.fromId = value;
                                    else
                                        delete message.fromId;
                                    continue;
                                }
                            case 30: {
                                    if (wireType !== 2)
                                        break;
                                    if (message.params === $util.emptyObject)
                                        message.params = {};
                                    var end2 = reader.size() + reader.pos;
                                    if (end2 > reader.len)
                                        throw $RangeError("index out of range");
                                    reader.len = end2;
                                    key = "";
                                    value = "";
                                    while (reader.pos < end2) {
                                        var tag2 = reader.tag();
                                        wireType = tag2 & 7;
                                        switch (tag2 >>>= 3) {
                                        case 1:
                                            if (wireType !== 2)
                                                break;
                                            key = reader.stringVerify();
                                            continue;
                                        case 2:
                                            if (wireType !== 2)
                                                break;
                                            value = reader.stringVerify();
                                            continue;
                                        }
                                        reader.skipType(wireType, _depth, tag2);
                                    }
                                    if (reader.pos !== end2)
                                        throw $RangeError("index out of range");
                                    reader.len = end;
                                    if (key === "__proto__")
                                        $util.makeProp(message.params, key);
                                    message.params[key] = value;
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

                    MsgChatReply.decodeDelimited = function(reader) {
                        if (!(reader instanceof $Reader))
                            reader = new $Reader(reader);
                        return this.decode(reader, reader.size());
                    };

                    MsgChatReply.verify = function (message, _depth) {
                        if (typeof message !== "object" || message === null)
                            return "object expected";
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            return "max depth exceeded";
                        if (message.msgId != null && $Object.hasOwnProperty.call(message, "msgId"))
                            if (!$util.isInteger(message.msgId) && !(message.msgId && $util.isInteger(message.msgId.low) && $util.isInteger(message.msgId.high)))
                                return "msgId: integer|Long expected";
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId"))
                            if (!$util.isInteger(message.sendId) && !(message.sendId && $util.isInteger(message.sendId.low) && $util.isInteger(message.sendId.high)))
                                return "sendId: integer|Long expected";
                        if (message.sendOk != null && $Object.hasOwnProperty.call(message, "sendOk"))
                            if (!$util.isInteger(message.sendOk) && !(message.sendOk && $util.isInteger(message.sendOk.low) && $util.isInteger(message.sendOk.high)))
                                return "sendOk: integer|Long expected";
                        if (message.recvOk != null && $Object.hasOwnProperty.call(message, "recvOk"))
                            if (!$util.isInteger(message.recvOk) && !(message.recvOk && $util.isInteger(message.recvOk.low) && $util.isInteger(message.recvOk.high)))
                                return "recvOk: integer|Long expected";
                        if (message.readOk != null && $Object.hasOwnProperty.call(message, "readOk"))
                            if (!$util.isInteger(message.readOk) && !(message.readOk && $util.isInteger(message.readOk.low) && $util.isInteger(message.readOk.high)))
                                return "readOk: integer|Long expected";
                        if (message.extraMsg != null && $Object.hasOwnProperty.call(message, "extraMsg"))
                            if (!$util.isString(message.extraMsg))
                                return "extraMsg: string expected";
                        if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                            if (!$util.isInteger(message.userId) && !(message.userId && $util.isInteger(message.userId.low) && $util.isInteger(message.userId.high)))
                                return "userId: integer|Long expected";
                        if (message.fromId != null && $Object.hasOwnProperty.call(message, "fromId"))
                            if (!$util.isInteger(message.fromId) && !(message.fromId && $util.isInteger(message.fromId.low) && $util.isInteger(message.fromId.high)))
                                return "fromId: integer|Long expected";
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params")) {
                            if (!$util.isObject(message.params))
                                return "params: object expected";
                            var key = $Object.keys(message.params);
                            for (var i = 0; i < key.length; ++i)
                                if (!$util.isString(message.params[key[i]]))
                                    return "params: string{k:string} expected";
                        }
                        return null;
                    };

                    MsgChatReply.fromObject = function (object, _depth) {
                        if (object instanceof $root.com.bird2fish.birdtalksdk.pbmodel.MsgChatReply)
                            return object;
                        if (!$util.isObject(object))
                            throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgChatReply: object expected");
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var message = new $root.com.bird2fish.birdtalksdk.pbmodel.MsgChatReply();
                        if (object.msgId != null)
                            if (typeof object.msgId === "object" ? object.msgId.low || object.msgId.high : $Number(object.msgId) !== 0)
                                if ($util.Long)
                                    message.msgId = $util.Long.fromValue(object.msgId, false);
                                else if (typeof object.msgId === "string")
                                    message.msgId = $parseInt(object.msgId, 10);
                                else if (typeof object.msgId === "number")
                                    message.msgId = object.msgId;
                                else if (typeof object.msgId === "object")
                                    message.msgId = new $util.LongBits(object.msgId.low >>> 0, object.msgId.high >>> 0).toNumber();
                        if (object.sendId != null)
                            if (typeof object.sendId === "object" ? object.sendId.low || object.sendId.high : $Number(object.sendId) !== 0)
                                if ($util.Long)
                                    message.sendId = $util.Long.fromValue(object.sendId, false);
                                else if (typeof object.sendId === "string")
                                    message.sendId = $parseInt(object.sendId, 10);
                                else if (typeof object.sendId === "number")
                                    message.sendId = object.sendId;
                                else if (typeof object.sendId === "object")
                                    message.sendId = new $util.LongBits(object.sendId.low >>> 0, object.sendId.high >>> 0).toNumber();
                        if (object.sendOk != null)
                            if (typeof object.sendOk === "object" ? object.sendOk.low || object.sendOk.high : $Number(object.sendOk) !== 0)
                                if ($util.Long)
                                    message.sendOk = $util.Long.fromValue(object.sendOk, false);
                                else if (typeof object.sendOk === "string")
                                    message.sendOk = $parseInt(object.sendOk, 10);
                                else if (typeof object.sendOk === "number")
                                    message.sendOk = object.sendOk;
                                else if (typeof object.sendOk === "object")
                                    message.sendOk = new $util.LongBits(object.sendOk.low >>> 0, object.sendOk.high >>> 0).toNumber();
                        if (object.recvOk != null)
                            if (typeof object.recvOk === "object" ? object.recvOk.low || object.recvOk.high : $Number(object.recvOk) !== 0)
                                if ($util.Long)
                                    message.recvOk = $util.Long.fromValue(object.recvOk, false);
                                else if (typeof object.recvOk === "string")
                                    message.recvOk = $parseInt(object.recvOk, 10);
                                else if (typeof object.recvOk === "number")
                                    message.recvOk = object.recvOk;
                                else if (typeof object.recvOk === "object")
                                    message.recvOk = new $util.LongBits(object.recvOk.low >>> 0, object.recvOk.high >>> 0).toNumber();
                        if (object.readOk != null)
                            if (typeof object.readOk === "object" ? object.readOk.low || object.readOk.high : $Number(object.readOk) !== 0)
                                if ($util.Long)
                                    message.readOk = $util.Long.fromValue(object.readOk, false);
                                else if (typeof object.readOk === "string")
                                    message.readOk = $parseInt(object.readOk, 10);
                                else if (typeof object.readOk === "number")
                                    message.readOk = object.readOk;
                                else if (typeof object.readOk === "object")
                                    message.readOk = new $util.LongBits(object.readOk.low >>> 0, object.readOk.high >>> 0).toNumber();
                        if (object.extraMsg != null)
                            if (typeof object.extraMsg !== "string" || object.extraMsg.length)
                                message.extraMsg = $String(object.extraMsg);
                        if (object.userId != null)
                            if (typeof object.userId === "object" ? object.userId.low || object.userId.high : $Number(object.userId) !== 0)
                                if ($util.Long)
                                    message.userId = $util.Long.fromValue(object.userId, false);
                                else if (typeof object.userId === "string")
                                    message.userId = $parseInt(object.userId, 10);
                                else if (typeof object.userId === "number")
                                    message.userId = object.userId;
                                else if (typeof object.userId === "object")
                                    message.userId = new $util.LongBits(object.userId.low >>> 0, object.userId.high >>> 0).toNumber();
                        if (object.fromId != null)
                            if (typeof object.fromId === "object" ? object.fromId.low || object.fromId.high : $Number(object.fromId) !== 0)
                                if ($util.Long)
                                    message.fromId = $util.Long.fromValue(object.fromId, false);
                                else if (typeof object.fromId === "string")
                                    message.fromId = $parseInt(object.fromId, 10);
                                else if (typeof object.fromId === "number")
                                    message.fromId = object.fromId;
                                else if (typeof object.fromId === "object")
                                    message.fromId = new $util.LongBits(object.fromId.low >>> 0, object.fromId.high >>> 0).toNumber();
                        if (object.params) {
                            if (!$util.isObject(object.params))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgChatReply.params: object expected");
                            message.params = {};
                            for (var keys = $Object.keys(object.params), i = 0; i < keys.length; ++i) {
                                if (keys[i] === "__proto__")
                                    $util.makeProp(message.params, keys[i]);
                                message.params[keys[i]] = $String(object.params[keys[i]]);
                            }
                        }
                        return message;
                    };

                    MsgChatReply.toObject = function (message, options, _depth) {
                        if (!options)
                            options = {};
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var object = {};
                        if (options.objects || options.defaults)
                            object.params = {};
                        if (options.defaults) {
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.msgId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.msgId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.sendId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.sendId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.sendOk = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.sendOk = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.recvOk = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.recvOk = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.readOk = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.readOk = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            object.extraMsg = "";
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.userId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.userId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.fromId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.fromId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        }
                        if (message.msgId != null && $Object.hasOwnProperty.call(message, "msgId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.msgId = typeof message.msgId === "number" ? $BigInt(message.msgId) : $util.Long.fromBits(message.msgId.low >>> 0, message.msgId.high >>> 0, false).toBigInt();
                            else if (typeof message.msgId === "number")
                                object.msgId = options.longs === $String ? $String(message.msgId) : message.msgId;
                            else
                                object.msgId = options.longs === $String ? $util.Long.prototype.toString.call(message.msgId) : options.longs === $Number ? new $util.LongBits(message.msgId.low >>> 0, message.msgId.high >>> 0).toNumber() : message.msgId;
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.sendId = typeof message.sendId === "number" ? $BigInt(message.sendId) : $util.Long.fromBits(message.sendId.low >>> 0, message.sendId.high >>> 0, false).toBigInt();
                            else if (typeof message.sendId === "number")
                                object.sendId = options.longs === $String ? $String(message.sendId) : message.sendId;
                            else
                                object.sendId = options.longs === $String ? $util.Long.prototype.toString.call(message.sendId) : options.longs === $Number ? new $util.LongBits(message.sendId.low >>> 0, message.sendId.high >>> 0).toNumber() : message.sendId;
                        if (message.sendOk != null && $Object.hasOwnProperty.call(message, "sendOk"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.sendOk = typeof message.sendOk === "number" ? $BigInt(message.sendOk) : $util.Long.fromBits(message.sendOk.low >>> 0, message.sendOk.high >>> 0, false).toBigInt();
                            else if (typeof message.sendOk === "number")
                                object.sendOk = options.longs === $String ? $String(message.sendOk) : message.sendOk;
                            else
                                object.sendOk = options.longs === $String ? $util.Long.prototype.toString.call(message.sendOk) : options.longs === $Number ? new $util.LongBits(message.sendOk.low >>> 0, message.sendOk.high >>> 0).toNumber() : message.sendOk;
                        if (message.recvOk != null && $Object.hasOwnProperty.call(message, "recvOk"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.recvOk = typeof message.recvOk === "number" ? $BigInt(message.recvOk) : $util.Long.fromBits(message.recvOk.low >>> 0, message.recvOk.high >>> 0, false).toBigInt();
                            else if (typeof message.recvOk === "number")
                                object.recvOk = options.longs === $String ? $String(message.recvOk) : message.recvOk;
                            else
                                object.recvOk = options.longs === $String ? $util.Long.prototype.toString.call(message.recvOk) : options.longs === $Number ? new $util.LongBits(message.recvOk.low >>> 0, message.recvOk.high >>> 0).toNumber() : message.recvOk;
                        if (message.readOk != null && $Object.hasOwnProperty.call(message, "readOk"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.readOk = typeof message.readOk === "number" ? $BigInt(message.readOk) : $util.Long.fromBits(message.readOk.low >>> 0, message.readOk.high >>> 0, false).toBigInt();
                            else if (typeof message.readOk === "number")
                                object.readOk = options.longs === $String ? $String(message.readOk) : message.readOk;
                            else
                                object.readOk = options.longs === $String ? $util.Long.prototype.toString.call(message.readOk) : options.longs === $Number ? new $util.LongBits(message.readOk.low >>> 0, message.readOk.high >>> 0).toNumber() : message.readOk;
                        if (message.extraMsg != null && $Object.hasOwnProperty.call(message, "extraMsg"))
                            object.extraMsg = message.extraMsg;
                        if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.userId = typeof message.userId === "number" ? $BigInt(message.userId) : $util.Long.fromBits(message.userId.low >>> 0, message.userId.high >>> 0, false).toBigInt();
                            else if (typeof message.userId === "number")
                                object.userId = options.longs === $String ? $String(message.userId) : message.userId;
                            else
                                object.userId = options.longs === $String ? $util.Long.prototype.toString.call(message.userId) : options.longs === $Number ? new $util.LongBits(message.userId.low >>> 0, message.userId.high >>> 0).toNumber() : message.userId;
                        if (message.fromId != null && $Object.hasOwnProperty.call(message, "fromId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.fromId = typeof message.fromId === "number" ? $BigInt(message.fromId) : $util.Long.fromBits(message.fromId.low >>> 0, message.fromId.high >>> 0, false).toBigInt();
                            else if (typeof message.fromId === "number")
                                object.fromId = options.longs === $String ? $String(message.fromId) : message.fromId;
                            else
                                object.fromId = options.longs === $String ? $util.Long.prototype.toString.call(message.fromId) : options.longs === $Number ? new $util.LongBits(message.fromId.low >>> 0, message.fromId.high >>> 0).toNumber() : message.fromId;
                        var keys2;
                        if (message.params && (keys2 = $Object.keys(message.params)).length) {
                            object.params = {};
                            for (var j = 0; j < keys2.length; ++j) {
                                if (keys2[j] === "__proto__")
                                    $util.makeProp(object.params, keys2[j]);
                                object.params[keys2[j]] = message.params[keys2[j]];
                            }
                        }
                        return object;
                    };

                    MsgChatReply.prototype.toJSON = function() {
                        return MsgChatReply.toObject(this, $protobuf.util.toJSONOptions);
                    };

                    MsgChatReply.getTypeUrl = function(prefix) {
                        if (prefix === $undefined)
                            prefix = "type.googleapis.com";
                        return prefix + "/com.bird2fish.birdtalksdk.pbmodel.MsgChatReply";
                    };

                    return MsgChatReply;
                })();

                pbmodel.QueryDataType = (function() {
                    var valuesById = $Object.create(null), values = $Object.create(valuesById);
                    values[valuesById[0] = "QueryDataTypeChatData"] = 0;
                    values[valuesById[1] = "QueryDataTypeChatReply"] = 1;
                    values[valuesById[2] = "QueryDataTypeFriendOP"] = 2;
                    values[valuesById[3] = "QueryDataTypeGroupOP"] = 3;
                    return values;
                })();

                pbmodel.SynType = (function() {
                    var valuesById = $Object.create(null), values = $Object.create(valuesById);
                    values[valuesById[0] = "SynTypeForward"] = 0;
                    values[valuesById[1] = "SynTypeBackward"] = 1;
                    values[valuesById[2] = "SynTypeBetween"] = 2;
                    return values;
                })();

                pbmodel.MsgQuery = (function() {

                    var MsgQuery = function (properties) {
                        this.params = {};
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    MsgQuery.prototype.userId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgQuery.prototype.groupId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgQuery.prototype.bigId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgQuery.prototype.littleId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgQuery.prototype.synType = 0;
                    MsgQuery.prototype.tm = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgQuery.prototype.chatType = 0;
                    MsgQuery.prototype.queryType = 0;
                    MsgQuery.prototype.params = $util.emptyObject;

                    MsgQuery.create = function(properties) {
                        return new MsgQuery(properties);
                    };

                    MsgQuery.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && (typeof message.userId === "object" ? message.userId.low || message.userId.high : message.userId !== 0))
                            writer.uint32(8).int64(message.userId);
                        if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId") && (typeof message.groupId === "object" ? message.groupId.low || message.groupId.high : message.groupId !== 0))
                            writer.uint32(16).int64(message.groupId);
                        if (message.bigId != null && $Object.hasOwnProperty.call(message, "bigId") && (typeof message.bigId === "object" ? message.bigId.low || message.bigId.high : message.bigId !== 0))
                            writer.uint32(24).int64(message.bigId);
                        if (message.littleId != null && $Object.hasOwnProperty.call(message, "littleId") && (typeof message.littleId === "object" ? message.littleId.low || message.littleId.high : message.littleId !== 0))
                            writer.uint32(32).int64(message.littleId);
                        if (message.synType != null && $Object.hasOwnProperty.call(message, "synType") && message.synType !== 0)
                            writer.uint32(40).int32(message.synType);
                        if (message.tm != null && $Object.hasOwnProperty.call(message, "tm") && (typeof message.tm === "object" ? message.tm.low || message.tm.high : message.tm !== 0))
                            writer.uint32(48).int64(message.tm);
                        if (message.chatType != null && $Object.hasOwnProperty.call(message, "chatType") && message.chatType !== 0)
                            writer.uint32(56).int32(message.chatType);
                        if (message.queryType != null && $Object.hasOwnProperty.call(message, "queryType") && message.queryType !== 0)
                            writer.uint32(64).int32(message.queryType);
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params"))
                            for (var keys = $Object.keys(message.params), i = 0; i < keys.length; ++i)
                                writer.uint32(74).fork().uint32(10).string(keys[i]).uint32(18).string(message.params[keys[i]]).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    MsgQuery.encodeDelimited = function(message, writer) {
                        return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                    };

                    MsgQuery.decode = function (reader, length, _end, _depth, _target) {
                        if (!(reader instanceof $Reader))
                            reader = $Reader.create(reader);
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $Reader.recursionLimit)
                            throw $Error("max depth exceeded");
                        var end, message, key, value;
                        if (length === $undefined)
                            end = reader.len;
                        else {
                            end = reader.pos + length;
                            if (end > reader.len)
                                throw $RangeError("index out of range");
                            length = reader.len;
                            reader.len = end;
                        }
                        message = _target || new $root.com.bird2fish.birdtalksdk.pbmodel.MsgQuery();
                        while (reader.pos < end) {
                            var start = reader.pos;
                            var tag = reader.tag();
                            if (tag === _end) {
                                _end = $undefined;
                                break;
                            }
                            var wireType = tag & 7;
                            switch (tag >>>= 3) {
                            case 1: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.userId = value;
                                    else
                                        delete message.userId;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.groupId = value;
                                    else
                                        delete message.groupId;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.bigId = value;
                                    else
                                        delete message.bigId;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.littleId = value;
                                    else
                                        delete message.littleId;
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.synType = value;
                                    else
                                        delete message.synType;
                                    continue;
                                }
                            case 6: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.tm = value;
                                    else
                                        delete message.tm;
                                    continue;
                                }
                            case 7: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.chatType = value;
                                    else
                                        delete message.chatType;
                                    continue;
                                }
                            case 8: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.queryType = value;
                                    else
                                        delete message.queryType;
                                    continue;
                                }
                            case 9: {
                                    if (wireType !== 2)
                                        break;
                                    if (message.params === $util.emptyObject)
                                        message.params = {};
                                    var end2 = reader.size() + reader.pos;
                                    if (end2 > reader.len)
                                        throw $RangeError("index out of range");
                                    reader.len = end2;
                                    key = "";
                                    value = "";
                                    while (reader.pos < end2) {
                                        var tag2 = reader.tag();
                                        wireType = tag2 & 7;
                                        switch (tag2 >>>= 3) {
                                        case 1:
                                            if (wireType !== 2)
                                                break;
                                            key = reader.stringVerify();
                                            continue;
                                        case 2:
                                            if (wireType !== 2)
                                                break;
                                            value = reader.stringVerify();
                                            continue;
                                        }
                                        reader.skipType(wireType, _depth, tag2);
                                    }
                                    if (reader.pos !== end2)
                                        throw $RangeError("index out of range");
                                    reader.len = end;
                                    if (key === "__proto__")
                                        $util.makeProp(message.params, key);
                                    message.params[key] = value;
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

                    MsgQuery.decodeDelimited = function(reader) {
                        if (!(reader instanceof $Reader))
                            reader = new $Reader(reader);
                        return this.decode(reader, reader.size());
                    };

                    MsgQuery.verify = function (message, _depth) {
                        if (typeof message !== "object" || message === null)
                            return "object expected";
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            return "max depth exceeded";
                        if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                            if (!$util.isInteger(message.userId) && !(message.userId && $util.isInteger(message.userId.low) && $util.isInteger(message.userId.high)))
                                return "userId: integer|Long expected";
                        if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId"))
                            if (!$util.isInteger(message.groupId) && !(message.groupId && $util.isInteger(message.groupId.low) && $util.isInteger(message.groupId.high)))
                                return "groupId: integer|Long expected";
                        if (message.bigId != null && $Object.hasOwnProperty.call(message, "bigId"))
                            if (!$util.isInteger(message.bigId) && !(message.bigId && $util.isInteger(message.bigId.low) && $util.isInteger(message.bigId.high)))
                                return "bigId: integer|Long expected";
                        if (message.littleId != null && $Object.hasOwnProperty.call(message, "littleId"))
                            if (!$util.isInteger(message.littleId) && !(message.littleId && $util.isInteger(message.littleId.low) && $util.isInteger(message.littleId.high)))
                                return "littleId: integer|Long expected";
                        if (message.synType != null && $Object.hasOwnProperty.call(message, "synType"))
                            if (typeof message.synType !== "number" || (message.synType | 0) !== message.synType)
                                return "synType: enum value expected";
                        if (message.tm != null && $Object.hasOwnProperty.call(message, "tm"))
                            if (!$util.isInteger(message.tm) && !(message.tm && $util.isInteger(message.tm.low) && $util.isInteger(message.tm.high)))
                                return "tm: integer|Long expected";
                        if (message.chatType != null && $Object.hasOwnProperty.call(message, "chatType"))
                            if (typeof message.chatType !== "number" || (message.chatType | 0) !== message.chatType)
                                return "chatType: enum value expected";
                        if (message.queryType != null && $Object.hasOwnProperty.call(message, "queryType"))
                            if (typeof message.queryType !== "number" || (message.queryType | 0) !== message.queryType)
                                return "queryType: enum value expected";
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params")) {
                            if (!$util.isObject(message.params))
                                return "params: object expected";
                            var key = $Object.keys(message.params);
                            for (var i = 0; i < key.length; ++i)
                                if (!$util.isString(message.params[key[i]]))
                                    return "params: string{k:string} expected";
                        }
                        return null;
                    };

                    MsgQuery.fromObject = function (object, _depth) {
                        if (object instanceof $root.com.bird2fish.birdtalksdk.pbmodel.MsgQuery)
                            return object;
                        if (!$util.isObject(object))
                            throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgQuery: object expected");
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var message = new $root.com.bird2fish.birdtalksdk.pbmodel.MsgQuery();
                        if (object.userId != null)
                            if (typeof object.userId === "object" ? object.userId.low || object.userId.high : $Number(object.userId) !== 0)
                                if ($util.Long)
                                    message.userId = $util.Long.fromValue(object.userId, false);
                                else if (typeof object.userId === "string")
                                    message.userId = $parseInt(object.userId, 10);
                                else if (typeof object.userId === "number")
                                    message.userId = object.userId;
                                else if (typeof object.userId === "object")
                                    message.userId = new $util.LongBits(object.userId.low >>> 0, object.userId.high >>> 0).toNumber();
                        if (object.groupId != null)
                            if (typeof object.groupId === "object" ? object.groupId.low || object.groupId.high : $Number(object.groupId) !== 0)
                                if ($util.Long)
                                    message.groupId = $util.Long.fromValue(object.groupId, false);
                                else if (typeof object.groupId === "string")
                                    message.groupId = $parseInt(object.groupId, 10);
                                else if (typeof object.groupId === "number")
                                    message.groupId = object.groupId;
                                else if (typeof object.groupId === "object")
                                    message.groupId = new $util.LongBits(object.groupId.low >>> 0, object.groupId.high >>> 0).toNumber();
                        if (object.bigId != null)
                            if (typeof object.bigId === "object" ? object.bigId.low || object.bigId.high : $Number(object.bigId) !== 0)
                                if ($util.Long)
                                    message.bigId = $util.Long.fromValue(object.bigId, false);
                                else if (typeof object.bigId === "string")
                                    message.bigId = $parseInt(object.bigId, 10);
                                else if (typeof object.bigId === "number")
                                    message.bigId = object.bigId;
                                else if (typeof object.bigId === "object")
                                    message.bigId = new $util.LongBits(object.bigId.low >>> 0, object.bigId.high >>> 0).toNumber();
                        if (object.littleId != null)
                            if (typeof object.littleId === "object" ? object.littleId.low || object.littleId.high : $Number(object.littleId) !== 0)
                                if ($util.Long)
                                    message.littleId = $util.Long.fromValue(object.littleId, false);
                                else if (typeof object.littleId === "string")
                                    message.littleId = $parseInt(object.littleId, 10);
                                else if (typeof object.littleId === "number")
                                    message.littleId = object.littleId;
                                else if (typeof object.littleId === "object")
                                    message.littleId = new $util.LongBits(object.littleId.low >>> 0, object.littleId.high >>> 0).toNumber();
                        if (object.synType !== 0 && (typeof object.synType !== "string" || $root.com.bird2fish.birdtalksdk.pbmodel.SynType[object.synType] !== 0))
                            switch (object.synType) {
                            case "SynTypeForward":
                            case 0:
                                message.synType = 0;
                                break;
                            case "SynTypeBackward":
                            case 1:
                                message.synType = 1;
                                break;
                            case "SynTypeBetween":
                            case 2:
                                message.synType = 2;
                                break;
                            default:
                                if (typeof object.synType === "number" && (object.synType | 0) === object.synType)
                                    message.synType = object.synType;
                            }
                        if (object.tm != null)
                            if (typeof object.tm === "object" ? object.tm.low || object.tm.high : $Number(object.tm) !== 0)
                                if ($util.Long)
                                    message.tm = $util.Long.fromValue(object.tm, false);
                                else if (typeof object.tm === "string")
                                    message.tm = $parseInt(object.tm, 10);
                                else if (typeof object.tm === "number")
                                    message.tm = object.tm;
                                else if (typeof object.tm === "object")
                                    message.tm = new $util.LongBits(object.tm.low >>> 0, object.tm.high >>> 0).toNumber();
                        if (object.chatType !== 0 && (typeof object.chatType !== "string" || $root.com.bird2fish.birdtalksdk.pbmodel.ChatType[object.chatType] !== 0))
                            switch (object.chatType) {
                            case "ChatTypeNone":
                            case 0:
                                message.chatType = 0;
                                break;
                            case "ChatTypeP2P":
                            case 1:
                                message.chatType = 1;
                                break;
                            case "ChatTypeGroup":
                            case 2:
                                message.chatType = 2;
                                break;
                            default:
                                if (typeof object.chatType === "number" && (object.chatType | 0) === object.chatType)
                                    message.chatType = object.chatType;
                            }
                        if (object.queryType !== 0 && (typeof object.queryType !== "string" || $root.com.bird2fish.birdtalksdk.pbmodel.QueryDataType[object.queryType] !== 0))
                            switch (object.queryType) {
                            case "QueryDataTypeChatData":
                            case 0:
                                message.queryType = 0;
                                break;
                            case "QueryDataTypeChatReply":
                            case 1:
                                message.queryType = 1;
                                break;
                            case "QueryDataTypeFriendOP":
                            case 2:
                                message.queryType = 2;
                                break;
                            case "QueryDataTypeGroupOP":
                            case 3:
                                message.queryType = 3;
                                break;
                            default:
                                if (typeof object.queryType === "number" && (object.queryType | 0) === object.queryType)
                                    message.queryType = object.queryType;
                            }
                        if (object.params) {
                            if (!$util.isObject(object.params))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgQuery.params: object expected");
                            message.params = {};
                            for (var keys = $Object.keys(object.params), i = 0; i < keys.length; ++i) {
                                if (keys[i] === "__proto__")
                                    $util.makeProp(message.params, keys[i]);
                                message.params[keys[i]] = $String(object.params[keys[i]]);
                            }
                        }
                        return message;
                    };

                    MsgQuery.toObject = function (message, options, _depth) {
                        if (!options)
                            options = {};
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var object = {};
                        if (options.objects || options.defaults)
                            object.params = {};
                        if (options.defaults) {
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.userId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.userId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.groupId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.groupId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.bigId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.bigId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.littleId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.littleId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            object.synType = options.enums === $String ? "SynTypeForward" : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.tm = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.tm = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            object.chatType = options.enums === $String ? "ChatTypeNone" : 0;
                            object.queryType = options.enums === $String ? "QueryDataTypeChatData" : 0;
                        }
                        if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.userId = typeof message.userId === "number" ? $BigInt(message.userId) : $util.Long.fromBits(message.userId.low >>> 0, message.userId.high >>> 0, false).toBigInt();
                            else if (typeof message.userId === "number")
                                object.userId = options.longs === $String ? $String(message.userId) : message.userId;
                            else
                                object.userId = options.longs === $String ? $util.Long.prototype.toString.call(message.userId) : options.longs === $Number ? new $util.LongBits(message.userId.low >>> 0, message.userId.high >>> 0).toNumber() : message.userId;
                        if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.groupId = typeof message.groupId === "number" ? $BigInt(message.groupId) : $util.Long.fromBits(message.groupId.low >>> 0, message.groupId.high >>> 0, false).toBigInt();
                            else if (typeof message.groupId === "number")
                                object.groupId = options.longs === $String ? $String(message.groupId) : message.groupId;
                            else
                                object.groupId = options.longs === $String ? $util.Long.prototype.toString.call(message.groupId) : options.longs === $Number ? new $util.LongBits(message.groupId.low >>> 0, message.groupId.high >>> 0).toNumber() : message.groupId;
                        if (message.bigId != null && $Object.hasOwnProperty.call(message, "bigId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.bigId = typeof message.bigId === "number" ? $BigInt(message.bigId) : $util.Long.fromBits(message.bigId.low >>> 0, message.bigId.high >>> 0, false).toBigInt();
                            else if (typeof message.bigId === "number")
                                object.bigId = options.longs === $String ? $String(message.bigId) : message.bigId;
                            else
                                object.bigId = options.longs === $String ? $util.Long.prototype.toString.call(message.bigId) : options.longs === $Number ? new $util.LongBits(message.bigId.low >>> 0, message.bigId.high >>> 0).toNumber() : message.bigId;
                        if (message.littleId != null && $Object.hasOwnProperty.call(message, "littleId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.littleId = typeof message.littleId === "number" ? $BigInt(message.littleId) : $util.Long.fromBits(message.littleId.low >>> 0, message.littleId.high >>> 0, false).toBigInt();
                            else if (typeof message.littleId === "number")
                                object.littleId = options.longs === $String ? $String(message.littleId) : message.littleId;
                            else
                                object.littleId = options.longs === $String ? $util.Long.prototype.toString.call(message.littleId) : options.longs === $Number ? new $util.LongBits(message.littleId.low >>> 0, message.littleId.high >>> 0).toNumber() : message.littleId;
                        if (message.synType != null && $Object.hasOwnProperty.call(message, "synType"))
                            object.synType = options.enums === $String ? $root.com.bird2fish.birdtalksdk.pbmodel.SynType[message.synType] === $undefined ? message.synType : $root.com.bird2fish.birdtalksdk.pbmodel.SynType[message.synType] : message.synType;
                        if (message.tm != null && $Object.hasOwnProperty.call(message, "tm"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.tm = typeof message.tm === "number" ? $BigInt(message.tm) : $util.Long.fromBits(message.tm.low >>> 0, message.tm.high >>> 0, false).toBigInt();
                            else if (typeof message.tm === "number")
                                object.tm = options.longs === $String ? $String(message.tm) : message.tm;
                            else
                                object.tm = options.longs === $String ? $util.Long.prototype.toString.call(message.tm) : options.longs === $Number ? new $util.LongBits(message.tm.low >>> 0, message.tm.high >>> 0).toNumber() : message.tm;
                        if (message.chatType != null && $Object.hasOwnProperty.call(message, "chatType"))
                            object.chatType = options.enums === $String ? $root.com.bird2fish.birdtalksdk.pbmodel.ChatType[message.chatType] === $undefined ? message.chatType : $root.com.bird2fish.birdtalksdk.pbmodel.ChatType[message.chatType] : message.chatType;
                        if (message.queryType != null && $Object.hasOwnProperty.call(message, "queryType"))
                            object.queryType = options.enums === $String ? $root.com.bird2fish.birdtalksdk.pbmodel.QueryDataType[message.queryType] === $undefined ? message.queryType : $root.com.bird2fish.birdtalksdk.pbmodel.QueryDataType[message.queryType] : message.queryType;
                        var keys2;
                        if (message.params && (keys2 = $Object.keys(message.params)).length) {
                            object.params = {};
                            for (var j = 0; j < keys2.length; ++j) {
                                if (keys2[j] === "__proto__")
                                    $util.makeProp(object.params, keys2[j]);
                                object.params[keys2[j]] = message.params[keys2[j]];
                            }
                        }
                        return object;
                    };

                    MsgQuery.prototype.toJSON = function() {
                        return MsgQuery.toObject(this, $protobuf.util.toJSONOptions);
                    };

                    MsgQuery.getTypeUrl = function(prefix) {
                        if (prefix === $undefined)
                            prefix = "type.googleapis.com";
                        return prefix + "/com.bird2fish.birdtalksdk.pbmodel.MsgQuery";
                    };

                    return MsgQuery;
                })();

                pbmodel.MsgQueryResult = (function() {

                    var MsgQueryResult = function (properties) {
                        this.chatDataList = [];
                        this.chatReplyList = [];
                        this.friendOpRetList = [];
                        this.groupOpRetList = [];
                        this.params = {};
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    MsgQueryResult.prototype.userId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgQueryResult.prototype.groupId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgQueryResult.prototype.bigId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgQueryResult.prototype.littleId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgQueryResult.prototype.synType = 0;
                    MsgQueryResult.prototype.tm = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgQueryResult.prototype.chatType = 0;
                    MsgQueryResult.prototype.queryType = 0;
                    MsgQueryResult.prototype.chatDataList = $util.emptyArray;
                    MsgQueryResult.prototype.chatReplyList = $util.emptyArray;
                    MsgQueryResult.prototype.friendOpRetList = $util.emptyArray;
                    MsgQueryResult.prototype.groupOpRetList = $util.emptyArray;
                    MsgQueryResult.prototype.result = "";
                    MsgQueryResult.prototype.detail = "";
                    MsgQueryResult.prototype.params = $util.emptyObject;

                    MsgQueryResult.create = function(properties) {
                        return new MsgQueryResult(properties);
                    };

                    MsgQueryResult.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && (typeof message.userId === "object" ? message.userId.low || message.userId.high : message.userId !== 0))
                            writer.uint32(8).int64(message.userId);
                        if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId") && (typeof message.groupId === "object" ? message.groupId.low || message.groupId.high : message.groupId !== 0))
                            writer.uint32(16).int64(message.groupId);
                        if (message.bigId != null && $Object.hasOwnProperty.call(message, "bigId") && (typeof message.bigId === "object" ? message.bigId.low || message.bigId.high : message.bigId !== 0))
                            writer.uint32(24).int64(message.bigId);
                        if (message.littleId != null && $Object.hasOwnProperty.call(message, "littleId") && (typeof message.littleId === "object" ? message.littleId.low || message.littleId.high : message.littleId !== 0))
                            writer.uint32(32).int64(message.littleId);
                        if (message.synType != null && $Object.hasOwnProperty.call(message, "synType") && message.synType !== 0)
                            writer.uint32(40).int32(message.synType);
                        if (message.tm != null && $Object.hasOwnProperty.call(message, "tm") && (typeof message.tm === "object" ? message.tm.low || message.tm.high : message.tm !== 0))
                            writer.uint32(48).int64(message.tm);
                        if (message.chatType != null && $Object.hasOwnProperty.call(message, "chatType") && message.chatType !== 0)
                            writer.uint32(56).int32(message.chatType);
                        if (message.queryType != null && $Object.hasOwnProperty.call(message, "queryType") && message.queryType !== 0)
                            writer.uint32(64).int32(message.queryType);
                        if (message.chatDataList != null && message.chatDataList.length)
                            for (var i = 0; i < message.chatDataList.length; ++i)
                                $root.com.bird2fish.birdtalksdk.pbmodel.MsgChat.encode(message.chatDataList[i], writer.uint32(90).fork(), _depth + 1).ldelim();
                        if (message.chatReplyList != null && message.chatReplyList.length)
                            for (var i = 0; i < message.chatReplyList.length; ++i)
                                $root.com.bird2fish.birdtalksdk.pbmodel.MsgChatReply.encode(message.chatReplyList[i], writer.uint32(98).fork(), _depth + 1).ldelim();
                        if (message.friendOpRetList != null && message.friendOpRetList.length)
                            for (var i = 0; i < message.friendOpRetList.length; ++i)
                                $root.com.bird2fish.birdtalksdk.pbmodel.FriendOpResult.encode(message.friendOpRetList[i], writer.uint32(106).fork(), _depth + 1).ldelim();
                        if (message.groupOpRetList != null && message.groupOpRetList.length)
                            for (var i = 0; i < message.groupOpRetList.length; ++i)
                                $root.com.bird2fish.birdtalksdk.pbmodel.GroupOpResult.encode(message.groupOpRetList[i], writer.uint32(114).fork(), _depth + 1).ldelim();
                        if (message.result != null && $Object.hasOwnProperty.call(message, "result") && message.result !== "")
                            writer.uint32(122).string(message.result);
                        if (message.detail != null && $Object.hasOwnProperty.call(message, "detail") && message.detail !== "")
                            writer.uint32(130).string(message.detail);
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params"))
                            for (var keys = $Object.keys(message.params), i = 0; i < keys.length; ++i)
                                writer.uint32(242).fork().uint32(10).string(keys[i]).uint32(18).string(message.params[keys[i]]).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    MsgQueryResult.encodeDelimited = function(message, writer) {
                        return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                    };

                    MsgQueryResult.decode = function (reader, length, _end, _depth, _target) {
                        if (!(reader instanceof $Reader))
                            reader = $Reader.create(reader);
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $Reader.recursionLimit)
                            throw $Error("max depth exceeded");
                        var end, message, key, value;
                        if (length === $undefined)
                            end = reader.len;
                        else {
                            end = reader.pos + length;
                            if (end > reader.len)
                                throw $RangeError("index out of range");
                            length = reader.len;
                            reader.len = end;
                        }
                        message = _target || new $root.com.bird2fish.birdtalksdk.pbmodel.MsgQueryResult();
                        while (reader.pos < end) {
                            var start = reader.pos;
                            var tag = reader.tag();
                            if (tag === _end) {
                                _end = $undefined;
                                break;
                            }
                            var wireType = tag & 7;
                            switch (tag >>>= 3) {
                            case 1: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.userId = value;
                                    else
                                        delete message.userId;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.groupId = value;
                                    else
                                        delete message.groupId;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.bigId = value;
                                    else
                                        delete message.bigId;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.littleId = value;
                                    else
                                        delete message.littleId;
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.synType = value;
                                    else
                                        delete message.synType;
                                    continue;
                                }
                            case 6: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.tm = value;
                                    else
                                        delete message.tm;
                                    continue;
                                }
                            case 7: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.chatType = value;
                                    else
                                        delete message.chatType;
                                    continue;
                                }
                            case 8: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.queryType = value;
                                    else
                                        delete message.queryType;
                                    continue;
                                }
                            case 11: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.chatDataList && message.chatDataList.length))
                                        message.chatDataList = [];
                                    message.chatDataList.push($root.com.bird2fish.birdtalksdk.pbmodel.MsgChat.decode(reader, reader.size(), $undefined, _depth + 1));
                                    continue;
                                }
                            case 12: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.chatReplyList && message.chatReplyList.length))
                                        message.chatReplyList = [];
                                    message.chatReplyList.push($root.com.bird2fish.birdtalksdk.pbmodel.MsgChatReply.decode(reader, reader.size(), $undefined, _depth + 1));
                                    continue;
                                }
                            case 13: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.friendOpRetList && message.friendOpRetList.length))
                                        message.friendOpRetList = [];
                                    message.friendOpRetList.push($root.com.bird2fish.birdtalksdk.pbmodel.FriendOpResult.decode(reader, reader.size(), $undefined, _depth + 1));
                                    continue;
                                }
                            case 14: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.groupOpRetList && message.groupOpRetList.length))
                                        message.groupOpRetList = [];
                                    message.groupOpRetList.push($root.com.bird2fish.birdtalksdk.pbmodel.GroupOpResult.decode(reader, reader.size(), $undefined, _depth + 1));
                                    continue;
                                }
                            case 15: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.result = value;
                                    else
                                        delete message.result;
                                    continue;
                                }
                            case 16: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.detail = value;
                                    else
                                        delete message.detail;
                                    continue;
                                }
                            case 30: {
                                    if (wireType !== 2)
                                        break;
                                    if (message.params === $util.emptyObject)
                                        message.params = {};
                                    var end2 = reader.size() + reader.pos;
                                    if (end2 > reader.len)
                                        throw $RangeError("index out of range");
                                    reader.len = end2;
                                    key = "";
                                    value = "";
                                    while (reader.pos < end2) {
                                        var tag2 = reader.tag();
                                        wireType = tag2 & 7;
                                        switch (tag2 >>>= 3) {
                                        case 1:
                                            if (wireType !== 2)
                                                break;
                                            key = reader.stringVerify();
                                            continue;
                                        case 2:
                                            if (wireType !== 2)
                                                break;
                                            value = reader.stringVerify();
                                            continue;
                                        }
                                        reader.skipType(wireType, _depth, tag2);
                                    }
                                    if (reader.pos !== end2)
                                        throw $RangeError("index out of range");
                                    reader.len = end;
                                    if (key === "__proto__")
                                        $util.makeProp(message.params, key);
                                    message.params[key] = value;
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

                    MsgQueryResult.decodeDelimited = function(reader) {
                        if (!(reader instanceof $Reader))
                            reader = new $Reader(reader);
                        return this.decode(reader, reader.size());
                    };

                    MsgQueryResult.verify = function (message, _depth) {
                        if (typeof message !== "object" || message === null)
                            return "object expected";
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            return "max depth exceeded";
                        if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                            if (!$util.isInteger(message.userId) && !(message.userId && $util.isInteger(message.userId.low) && $util.isInteger(message.userId.high)))
                                return "userId: integer|Long expected";
                        if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId"))
                            if (!$util.isInteger(message.groupId) && !(message.groupId && $util.isInteger(message.groupId.low) && $util.isInteger(message.groupId.high)))
                                return "groupId: integer|Long expected";
                        if (message.bigId != null && $Object.hasOwnProperty.call(message, "bigId"))
                            if (!$util.isInteger(message.bigId) && !(message.bigId && $util.isInteger(message.bigId.low) && $util.isInteger(message.bigId.high)))
                                return "bigId: integer|Long expected";
                        if (message.littleId != null && $Object.hasOwnProperty.call(message, "littleId"))
                            if (!$util.isInteger(message.littleId) && !(message.littleId && $util.isInteger(message.littleId.low) && $util.isInteger(message.littleId.high)))
                                return "littleId: integer|Long expected";
                        if (message.synType != null && $Object.hasOwnProperty.call(message, "synType"))
                            if (typeof message.synType !== "number" || (message.synType | 0) !== message.synType)
                                return "synType: enum value expected";
                        if (message.tm != null && $Object.hasOwnProperty.call(message, "tm"))
                            if (!$util.isInteger(message.tm) && !(message.tm && $util.isInteger(message.tm.low) && $util.isInteger(message.tm.high)))
                                return "tm: integer|Long expected";
                        if (message.chatType != null && $Object.hasOwnProperty.call(message, "chatType"))
                            if (typeof message.chatType !== "number" || (message.chatType | 0) !== message.chatType)
                                return "chatType: enum value expected";
                        if (message.queryType != null && $Object.hasOwnProperty.call(message, "queryType"))
                            if (typeof message.queryType !== "number" || (message.queryType | 0) !== message.queryType)
                                return "queryType: enum value expected";
                        if (message.chatDataList != null && $Object.hasOwnProperty.call(message, "chatDataList")) {
                            if (!$Array.isArray(message.chatDataList))
                                return "chatDataList: array expected";
                            for (var i = 0; i < message.chatDataList.length; ++i) {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.MsgChat.verify(message.chatDataList[i], _depth + 1);
                                if (error)
                                    return "chatDataList." + error;
                            }
                        }
                        if (message.chatReplyList != null && $Object.hasOwnProperty.call(message, "chatReplyList")) {
                            if (!$Array.isArray(message.chatReplyList))
                                return "chatReplyList: array expected";
                            for (var i = 0; i < message.chatReplyList.length; ++i) {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.MsgChatReply.verify(message.chatReplyList[i], _depth + 1);
                                if (error)
                                    return "chatReplyList." + error;
                            }
                        }
                        if (message.friendOpRetList != null && $Object.hasOwnProperty.call(message, "friendOpRetList")) {
                            if (!$Array.isArray(message.friendOpRetList))
                                return "friendOpRetList: array expected";
                            for (var i = 0; i < message.friendOpRetList.length; ++i) {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.FriendOpResult.verify(message.friendOpRetList[i], _depth + 1);
                                if (error)
                                    return "friendOpRetList." + error;
                            }
                        }
                        if (message.groupOpRetList != null && $Object.hasOwnProperty.call(message, "groupOpRetList")) {
                            if (!$Array.isArray(message.groupOpRetList))
                                return "groupOpRetList: array expected";
                            for (var i = 0; i < message.groupOpRetList.length; ++i) {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.GroupOpResult.verify(message.groupOpRetList[i], _depth + 1);
                                if (error)
                                    return "groupOpRetList." + error;
                            }
                        }
                        if (message.result != null && $Object.hasOwnProperty.call(message, "result"))
                            if (!$util.isString(message.result))
                                return "result: string expected";
                        if (message.detail != null && $Object.hasOwnProperty.call(message, "detail"))
                            if (!$util.isString(message.detail))
                                return "detail: string expected";
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params")) {
                            if (!$util.isObject(message.params))
                                return "params: object expected";
                            var key = $Object.keys(message.params);
                            for (var i = 0; i < key.length; ++i)
                                if (!$util.isString(message.params[key[i]]))
                                    return "params: string{k:string} expected";
                        }
                        return null;
                    };

                    MsgQueryResult.fromObject = function (object, _depth) {
                        if (object instanceof $root.com.bird2fish.birdtalksdk.pbmodel.MsgQueryResult)
                            return object;
                        if (!$util.isObject(object))
                            throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgQueryResult: object expected");
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var message = new $root.com.bird2fish.birdtalksdk.pbmodel.MsgQueryResult();
                        if (object.userId != null)
                            if (typeof object.userId === "object" ? object.userId.low || object.userId.high : $Number(object.userId) !== 0)
                                if ($util.Long)
                                    message.userId = $util.Long.fromValue(object.userId, false);
                                else if (typeof object.userId === "string")
                                    message.userId = $parseInt(object.userId, 10);
                                else if (typeof object.userId === "number")
                                    message.userId = object.userId;
                                else if (typeof object.userId === "object")
                                    message.userId = new $util.LongBits(object.userId.low >>> 0, object.userId.high >>> 0).toNumber();
                        if (object.groupId != null)
                            if (typeof object.groupId === "object" ? object.groupId.low || object.groupId.high : $Number(object.groupId) !== 0)
                                if ($util.Long)
                                    message.groupId = $util.Long.fromValue(object.groupId, false);
                                else if (typeof object.groupId === "string")
                                    message.groupId = $parseInt(object.groupId, 10);
                                else if (typeof object.groupId === "number")
                                    message.groupId = object.groupId;
                                else if (typeof object.groupId === "object")
                                    message.groupId = new $util.LongBits(object.groupId.low >>> 0, object.groupId.high >>> 0).toNumber();
                        if (object.bigId != null)
                            if (typeof object.bigId === "object" ? object.bigId.low || object.bigId.high : $Number(object.bigId) !== 0)
                                if ($util.Long)
                                    message.bigId = $util.Long.fromValue(object.bigId, false);
                                else if (typeof object.bigId === "string")
                                    message.bigId = $parseInt(object.bigId, 10);
                                else if (typeof object.bigId === "number")
                                    message.bigId = object.bigId;
                                else if (typeof object.bigId === "object")
                                    message.bigId = new $util.LongBits(object.bigId.low >>> 0, object.bigId.high >>> 0).toNumber();
                        if (object.littleId != null)
                            if (typeof object.littleId === "object" ? object.littleId.low || object.littleId.high : $Number(object.littleId) !== 0)
                                if ($util.Long)
                                    message.littleId = $util.Long.fromValue(object.littleId, false);
                                else if (typeof object.littleId === "string")
                                    message.littleId = $parseInt(object.littleId, 10);
                                else if (typeof object.littleId === "number")
                                    message.littleId = object.littleId;
                                else if (typeof object.littleId === "object")
                                    message.littleId = new $util.LongBits(object.littleId.low >>> 0, object.littleId.high >>> 0).toNumber();
                        if (object.synType !== 0 && (typeof object.synType !== "string" || $root.com.bird2fish.birdtalksdk.pbmodel.SynType[object.synType] !== 0))
                            switch (object.synType) {
                            case "SynTypeForward":
                            case 0:
                                message.synType = 0;
                                break;
                            case "SynTypeBackward":
                            case 1:
                                message.synType = 1;
                                break;
                            case "SynTypeBetween":
                            case 2:
                                message.synType = 2;
                                break;
                            default:
                                if (typeof object.synType === "number" && (object.synType | 0) === object.synType)
                                    message.synType = object.synType;
                            }
                        if (object.tm != null)
                            if (typeof object.tm === "object" ? object.tm.low || object.tm.high : $Number(object.tm) !== 0)
                                if ($util.Long)
                                    message.tm = $util.Long.fromValue(object.tm, false);
                                else if (typeof object.tm === "string")
                                    message.tm = $parseInt(object.tm, 10);
                                else if (typeof object.tm === "number")
                                    message.tm = object.tm;
                                else if (typeof object.tm === "object")
                                    message.tm = new $util.LongBits(object.tm.low >>> 0, object.tm.high >>> 0).toNumber();
                        if (object.chatType !== 0 && (typeof object.chatType !== "string" || $root.com.bird2fish.birdtalksdk.pbmodel.ChatType[object.chatType] !== 0))
                            switch (object.chatType) {
                            case "ChatTypeNone":
                            case 0:
                                message.chatType = 0;
                                break;
                            case "ChatTypeP2P":
                            case 1:
                                message.chatType = 1;
                                break;
                            case "ChatTypeGroup":
                            case 2:
                                message.chatType = 2;
                                break;
                            default:
                                if (typeof object.chatType === "number" && (object.chatType | 0) === object.chatType)
                                    message.chatType = object.chatType;
                            }
                        if (object.queryType !== 0 && (typeof object.queryType !== "string" || $root.com.bird2fish.birdtalksdk.pbmodel.QueryDataType[object.queryType] !== 0))
                            switch (object.queryType) {
                            case "QueryDataTypeChatData":
                            case 0:
                                message.queryType = 0;
                                break;
                            case "QueryDataTypeChatReply":
                            case 1:
                                message.queryType = 1;
                                break;
                            case "QueryDataTypeFriendOP":
                            case 2:
                                message.queryType = 2;
                                break;
                            case "QueryDataTypeGroupOP":
                            case 3:
                                message.queryType = 3;
                                break;
                            default:
                                if (typeof object.queryType === "number" && (object.queryType | 0) === object.queryType)
                                    message.queryType = object.queryType;
                            }
                        if (object.chatDataList) {
                            if (!$Array.isArray(object.chatDataList))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgQueryResult.chatDataList: array expected");
                            message.chatDataList = $Array(object.chatDataList.length);
                            for (var i = 0; i < object.chatDataList.length; ++i) {
                                if (!$util.isObject(object.chatDataList[i]))
                                    throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgQueryResult.chatDataList: object expected");
                                message.chatDataList[i] = $root.com.bird2fish.birdtalksdk.pbmodel.MsgChat.fromObject(object.chatDataList[i], _depth + 1);
                            }
                        }
                        if (object.chatReplyList) {
                            if (!$Array.isArray(object.chatReplyList))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgQueryResult.chatReplyList: array expected");
                            message.chatReplyList = $Array(object.chatReplyList.length);
                            for (var i = 0; i < object.chatReplyList.length; ++i) {
                                if (!$util.isObject(object.chatReplyList[i]))
                                    throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgQueryResult.chatReplyList: object expected");
                                message.chatReplyList[i] = $root.com.bird2fish.birdtalksdk.pbmodel.MsgChatReply.fromObject(object.chatReplyList[i], _depth + 1);
                            }
                        }
                        if (object.friendOpRetList) {
                            if (!$Array.isArray(object.friendOpRetList))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgQueryResult.friendOpRetList: array expected");
                            message.friendOpRetList = $Array(object.friendOpRetList.length);
                            for (var i = 0; i < object.friendOpRetList.length; ++i) {
                                if (!$util.isObject(object.friendOpRetList[i]))
                                    throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgQueryResult.friendOpRetList: object expected");
                                message.friendOpRetList[i] = $root.com.bird2fish.birdtalksdk.pbmodel.FriendOpResult.fromObject(object.friendOpRetList[i], _depth + 1);
                            }
                        }
                        if (object.groupOpRetList) {
                            if (!$Array.isArray(object.groupOpRetList))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgQueryResult.groupOpRetList: array expected");
                            message.groupOpRetList = $Array(object.groupOpRetList.length);
                            for (var i = 0; i < object.groupOpRetList.length; ++i) {
                                if (!$util.isObject(object.groupOpRetList[i]))
                                    throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgQueryResult.groupOpRetList: object expected");
                                message.groupOpRetList[i] = $root.com.bird2fish.birdtalksdk.pbmodel.GroupOpResult.fromObject(object.groupOpRetList[i], _depth + 1);
                            }
                        }
                        if (object.result != null)
                            if (typeof object.result !== "string" || object.result.length)
                                message.result = $String(object.result);
                        if (object.detail != null)
                            if (typeof object.detail !== "string" || object.detail.length)
                                message.detail = $String(object.detail);
                        if (object.params) {
                            if (!$util.isObject(object.params))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgQueryResult.params: object expected");
                            message.params = {};
                            for (var keys = $Object.keys(object.params), i = 0; i < keys.length; ++i) {
                                if (keys[i] === "__proto__")
                                    $util.makeProp(message.params, keys[i]);
                                message.params[keys[i]] = $String(object.params[keys[i]]);
                            }
                        }
                        return message;
                    };

                    MsgQueryResult.toObject = function (message, options, _depth) {
                        if (!options)
                            options = {};
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var object = {};
                        if (options.arrays || options.defaults) {
                            object.chatDataList = [];
                            object.chatReplyList = [];
                            object.friendOpRetList = [];
                            object.groupOpRetList = [];
                        }
                        if (options.objects || options.defaults)
                            object.params = {};
                        if (options.defaults) {
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.userId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.userId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.groupId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.groupId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.bigId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.bigId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.littleId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.littleId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            object.synType = options.enums === $String ? "SynTypeForward" : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.tm = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.tm = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            object.chatType = options.enums === $String ? "ChatTypeNone" : 0;
                            object.queryType = options.enums === $String ? "QueryDataTypeChatData" : 0;
                            object.result = "";
                            object.detail = "";
                        }
                        if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.userId = typeof message.userId === "number" ? $BigInt(message.userId) : $util.Long.fromBits(message.userId.low >>> 0, message.userId.high >>> 0, false).toBigInt();
                            else if (typeof message.userId === "number")
                                object.userId = options.longs === $String ? $String(message.userId) : message.userId;
                            else
                                object.userId = options.longs === $String ? $util.Long.prototype.toString.call(message.userId) : options.longs === $Number ? new $util.LongBits(message.userId.low >>> 0, message.userId.high >>> 0).toNumber() : message.userId;
                        if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.groupId = typeof message.groupId === "number" ? $BigInt(message.groupId) : $util.Long.fromBits(message.groupId.low >>> 0, message.groupId.high >>> 0, false).toBigInt();
                            else if (typeof message.groupId === "number")
                                object.groupId = options.longs === $String ? $String(message.groupId) : message.groupId;
                            else
                                object.groupId = options.longs === $String ? $util.Long.prototype.toString.call(message.groupId) : options.longs === $Number ? new $util.LongBits(message.groupId.low >>> 0, message.groupId.high >>> 0).toNumber() : message.groupId;
                        if (message.bigId != null && $Object.hasOwnProperty.call(message, "bigId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.bigId = typeof message.bigId === "number" ? $BigInt(message.bigId) : $util.Long.fromBits(message.bigId.low >>> 0, message.bigId.high >>> 0, false).toBigInt();
                            else if (typeof message.bigId === "number")
                                object.bigId = options.longs === $String ? $String(message.bigId) : message.bigId;
                            else
                                object.bigId = options.longs === $String ? $util.Long.prototype.toString.call(message.bigId) : options.longs === $Number ? new $util.LongBits(message.bigId.low >>> 0, message.bigId.high >>> 0).toNumber() : message.bigId;
                        if (message.littleId != null && $Object.hasOwnProperty.call(message, "littleId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.littleId = typeof message.littleId === "number" ? $BigInt(message.littleId) : $util.Long.fromBits(message.littleId.low >>> 0, message.littleId.high >>> 0, false).toBigInt();
                            else if (typeof message.littleId === "number")
                                object.littleId = options.longs === $String ? $String(message.littleId) : message.littleId;
                            else
                                object.littleId = options.longs === $String ? $util.Long.prototype.toString.call(message.littleId) : options.longs === $Number ? new $util.LongBits(message.littleId.low >>> 0, message.littleId.high >>> 0).toNumber() : message.littleId;
                        if (message.synType != null && $Object.hasOwnProperty.call(message, "synType"))
                            object.synType = options.enums === $String ? $root.com.bird2fish.birdtalksdk.pbmodel.SynType[message.synType] === $undefined ? message.synType : $root.com.bird2fish.birdtalksdk.pbmodel.SynType[message.synType] : message.synType;
                        if (message.tm != null && $Object.hasOwnProperty.call(message, "tm"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.tm = typeof message.tm === "number" ? $BigInt(message.tm) : $util.Long.fromBits(message.tm.low >>> 0, message.tm.high >>> 0, false).toBigInt();
                            else if (typeof message.tm === "number")
                                object.tm = options.longs === $String ? $String(message.tm) : message.tm;
                            else
                                object.tm = options.longs === $String ? $util.Long.prototype.toString.call(message.tm) : options.longs === $Number ? new $util.LongBits(message.tm.low >>> 0, message.tm.high >>> 0).toNumber() : message.tm;
                        if (message.chatType != null && $Object.hasOwnProperty.call(message, "chatType"))
                            object.chatType = options.enums === $String ? $root.com.bird2fish.birdtalksdk.pbmodel.ChatType[message.chatType] === $undefined ? message.chatType : $root.com.bird2fish.birdtalksdk.pbmodel.ChatType[message.chatType] : message.chatType;
                        if (message.queryType != null && $Object.hasOwnProperty.call(message, "queryType"))
                            object.queryType = options.enums === $String ? $root.com.bird2fish.birdtalksdk.pbmodel.QueryDataType[message.queryType] === $undefined ? message.queryType : $root.com.bird2fish.birdtalksdk.pbmodel.QueryDataType[message.queryType] : message.queryType;
                        if (message.chatDataList && message.chatDataList.length) {
                            object.chatDataList = $Array(message.chatDataList.length);
                            for (var j = 0; j < message.chatDataList.length; ++j)
                                object.chatDataList[j] = $root.com.bird2fish.birdtalksdk.pbmodel.MsgChat.toObject(message.chatDataList[j], options, _depth + 1);
                        }
                        if (message.chatReplyList && message.chatReplyList.length) {
                            object.chatReplyList = $Array(message.chatReplyList.length);
                            for (var j = 0; j < message.chatReplyList.length; ++j)
                                object.chatReplyList[j] = $root.com.bird2fish.birdtalksdk.pbmodel.MsgChatReply.toObject(message.chatReplyList[j], options, _depth + 1);
                        }
                        if (message.friendOpRetList && message.friendOpRetList.length) {
                            object.friendOpRetList = $Array(message.friendOpRetList.length);
                            for (var j = 0; j < message.friendOpRetList.length; ++j)
                                object.friendOpRetList[j] = $root.com.bird2fish.birdtalksdk.pbmodel.FriendOpResult.toObject(message.friendOpRetList[j], options, _depth + 1);
                        }
                        if (message.groupOpRetList && message.groupOpRetList.length) {
                            object.groupOpRetList = $Array(message.groupOpRetList.length);
                            for (var j = 0; j < message.groupOpRetList.length; ++j)
                                object.groupOpRetList[j] = $root.com.bird2fish.birdtalksdk.pbmodel.GroupOpResult.toObject(message.groupOpRetList[j], options, _depth + 1);
                        }
                        if (message.result != null && $Object.hasOwnProperty.call(message, "result"))
                            object.result = message.result;
                        if (message.detail != null && $Object.hasOwnProperty.call(message, "detail"))
                            object.detail = message.detail;
                        var keys2;
                        if (message.params && (keys2 = $Object.keys(message.params)).length) {
                            object.params = {};
                            for (var j = 0; j < keys2.length; ++j) {
                                if (keys2[j] === "__proto__")
                                    $util.makeProp(object.params, keys2[j]);
                                object.params[keys2[j]] = message.params[keys2[j]];
                            }
                        }
                        return object;
                    };

                    MsgQueryResult.prototype.toJSON = function() {
                        return MsgQueryResult.toObject(this, $protobuf.util.toJSONOptions);
                    };

                    MsgQueryResult.getTypeUrl = function(prefix) {
                        if (prefix === $undefined)
                            prefix = "type.googleapis.com";
                        return prefix + "/com.bird2fish.birdtalksdk.pbmodel.MsgQueryResult";
                    };

                    return MsgQueryResult;
                })();

                pbmodel.MsgUploadReq = (function() {

                    var MsgUploadReq = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    MsgUploadReq.prototype.fileName = "";
                    MsgUploadReq.prototype.fileSize = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgUploadReq.prototype.fileData = $util.newBuffer([]);
                    MsgUploadReq.prototype.hashType = "";
                    MsgUploadReq.prototype.hashCode = "";
                    MsgUploadReq.prototype.fileType = "";
                    MsgUploadReq.prototype.sendId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgUploadReq.prototype.chunkIndex = 0;
                    MsgUploadReq.prototype.chunkCount = 0;
                    MsgUploadReq.prototype.chunkSize = 0;
                    MsgUploadReq.prototype.groupId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                    MsgUploadReq.create = function(properties) {
                        return new MsgUploadReq(properties);
                    };

                    MsgUploadReq.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.fileName != null && $Object.hasOwnProperty.call(message, "fileName") && message.fileName !== "")
                            writer.uint32(10).string(message.fileName);
                        if (message.fileSize != null && $Object.hasOwnProperty.call(message, "fileSize") && (typeof message.fileSize === "object" ? message.fileSize.low || message.fileSize.high : message.fileSize !== 0))
                            writer.uint32(16).int64(message.fileSize);
                        if (message.fileData != null && $Object.hasOwnProperty.call(message, "fileData") && message.fileData.length)
                            writer.uint32(26).bytes(message.fileData);
                        if (message.hashType != null && $Object.hasOwnProperty.call(message, "hashType") && message.hashType !== "")
                            writer.uint32(34).string(message.hashType);
                        if (message.hashCode != null && $Object.hasOwnProperty.call(message, "hashCode") && message.hashCode !== "")
                            writer.uint32(42).string(message.hashCode);
                        if (message.fileType != null && $Object.hasOwnProperty.call(message, "fileType") && message.fileType !== "")
                            writer.uint32(50).string(message.fileType);
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId") && (typeof message.sendId === "object" ? message.sendId.low || message.sendId.high : message.sendId !== 0))
                            writer.uint32(56).int64(message.sendId);
                        if (message.chunkIndex != null && $Object.hasOwnProperty.call(message, "chunkIndex") && message.chunkIndex !== 0)
                            writer.uint32(64).int32(message.chunkIndex);
                        if (message.chunkCount != null && $Object.hasOwnProperty.call(message, "chunkCount") && message.chunkCount !== 0)
                            writer.uint32(72).int32(message.chunkCount);
                        if (message.chunkSize != null && $Object.hasOwnProperty.call(message, "chunkSize") && message.chunkSize !== 0)
                            writer.uint32(80).int32(message.chunkSize);
                        if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId") && (typeof message.groupId === "object" ? message.groupId.low || message.groupId.high : message.groupId !== 0))
                            writer.uint32(88).int64(message.groupId);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    MsgUploadReq.encodeDelimited = function(message, writer) {
                        return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                    };

                    MsgUploadReq.decode = function (reader, length, _end, _depth, _target) {
                        if (!(reader instanceof $Reader))
                            reader = $Reader.create(reader);
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $Reader.recursionLimit)
                            throw $Error("max depth exceeded");
                        var end, message, value;
                        if (length === $undefined)
                            end = reader.len;
                        else {
                            end = reader.pos + length;
                            if (end > reader.len)
                                throw $RangeError("index out of range");
                            length = reader.len;
                            reader.len = end;
                        }
                        message = _target || new $root.com.bird2fish.birdtalksdk.pbmodel.MsgUploadReq();
                        while (reader.pos < end) {
                            var start = reader.pos;
                            var tag = reader.tag();
                            if (tag === _end) {
                                _end = $undefined;
                                break;
                            }
                            var wireType = tag & 7;
                            switch (tag >>>= 3) {
                            case 1: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.fileName = value;
                                    else
                                        delete message.fileName;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.fileSize = value;
                                    else
                                        delete message.fileSize;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.bytes()).length)
                                        message.fileData = value;
                                    else
                                        delete message.fileData;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.hashType = value;
                                    else
                                        delete message.hashType;
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.hashCode = value;
                                    else
                                        delete message.hashCode;
                                    continue;
                                }
                            case 6: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.fileType = value;
                                    else
                                        delete message.fileType;
                                    continue;
                                }
                            case 7: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.sendId = value;
                                    else
                                        delete message.sendId;
                                    continue;
                                }
                            case 8: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.chunkIndex = value;
                                    else
                                        delete message.chunkIndex;
                                    continue;
                                }
                            case 9: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.chunkCount = value;
                                    else
                                        delete message.chunkCount;
                                    continue;
                                }
                            case 10: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.chunkSize = value;
                                    else
                                        delete message.chunkSize;
                                    continue;
                                }
                            case 11: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.groupId = value;
                                    else
                                        delete message.groupId;
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

                    MsgUploadReq.decodeDelimited = function(reader) {
                        if (!(reader instanceof $Reader))
                            reader = new $Reader(reader);
                        return this.decode(reader, reader.size());
                    };

                    MsgUploadReq.verify = function (message, _depth) {
                        if (typeof message !== "object" || message === null)
                            return "object expected";
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            return "max depth exceeded";
                        if (message.fileName != null && $Object.hasOwnProperty.call(message, "fileName"))
                            if (!$util.isString(message.fileName))
                                return "fileName: string expected";
                        if (message.fileSize != null && $Object.hasOwnProperty.call(message, "fileSize"))
                            if (!$util.isInteger(message.fileSize) && !(message.fileSize && $util.isInteger(message.fileSize.low) && $util.isInteger(message.fileSize.high)))
                                return "fileSize: integer|Long expected";
                        if (message.fileData != null && $Object.hasOwnProperty.call(message, "fileData"))
                            if (!(message.fileData && typeof message.fileData.length === "number" || $util.isString(message.fileData)))
                                return "fileData: buffer expected";
                        if (message.hashType != null && $Object.hasOwnProperty.call(message, "hashType"))
                            if (!$util.isString(message.hashType))
                                return "hashType: string expected";
                        if (message.hashCode != null && $Object.hasOwnProperty.call(message, "hashCode"))
                            if (!$util.isString(message.hashCode))
                                return "hashCode: string expected";
                        if (message.fileType != null && $Object.hasOwnProperty.call(message, "fileType"))
                            if (!$util.isString(message.fileType))
                                return "fileType: string expected";
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId"))
                            if (!$util.isInteger(message.sendId) && !(message.sendId && $util.isInteger(message.sendId.low) && $util.isInteger(message.sendId.high)))
                                return "sendId: integer|Long expected";
                        if (message.chunkIndex != null && $Object.hasOwnProperty.call(message, "chunkIndex"))
                            if (!$util.isInteger(message.chunkIndex))
                                return "chunkIndex: integer expected";
                        if (message.chunkCount != null && $Object.hasOwnProperty.call(message, "chunkCount"))
                            if (!$util.isInteger(message.chunkCount))
                                return "chunkCount: integer expected";
                        if (message.chunkSize != null && $Object.hasOwnProperty.call(message, "chunkSize"))
                            if (!$util.isInteger(message.chunkSize))
                                return "chunkSize: integer expected";
                        if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId"))
                            if (!$util.isInteger(message.groupId) && !(message.groupId && $util.isInteger(message.groupId.low) && $util.isInteger(message.groupId.high)))
                                return "groupId: integer|Long expected";
                        return null;
                    };

                    MsgUploadReq.fromObject = function (object, _depth) {
                        if (object instanceof $root.com.bird2fish.birdtalksdk.pbmodel.MsgUploadReq)
                            return object;
                        if (!$util.isObject(object))
                            throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgUploadReq: object expected");
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var message = new $root.com.bird2fish.birdtalksdk.pbmodel.MsgUploadReq();
                        if (object.fileName != null)
                            if (typeof object.fileName !== "string" || object.fileName.length)
                                message.fileName = $String(object.fileName);
                        if (object.fileSize != null)
                            if (typeof object.fileSize === "object" ? object.fileSize.low || object.fileSize.high : $Number(object.fileSize) !== 0)
                                if ($util.Long)
                                    message.fileSize = $util.Long.fromValue(object.fileSize, false);
                                else if (typeof object.fileSize === "string")
                                    message.fileSize = $parseInt(object.fileSize, 10);
                                else if (typeof object.fileSize === "number")
                                    message.fileSize = object.fileSize;
                                else if (typeof object.fileSize === "object")
                                    message.fileSize = new $util.LongBits(object.fileSize.low >>> 0, object.fileSize.high >>> 0).toNumber();
                        if (object.fileData != null)
                            if (object.fileData.length)
                                if (typeof object.fileData === "string")
                                    $util.base64.decode(object.fileData, message.fileData = $util.newBuffer($util.base64.length(object.fileData)), 0);
                                else if (object.fileData.length >= 0)
                                    message.fileData = object.fileData;
                        if (object.hashType != null)
                            if (typeof object.hashType !== "string" || object.hashType.length)
                                message.hashType = $String(object.hashType);
                        if (object.hashCode != null)
                            if (typeof object.hashCode !== "string" || object.hashCode.length)
                                message.hashCode = $String(object.hashCode);
                        if (object.fileType != null)
                            if (typeof object.fileType !== "string" || object.fileType.length)
                                message.fileType = $String(object.fileType);
                        if (object.sendId != null)
                            if (typeof object.sendId === "object" ? object.sendId.low || object.sendId.high : $Number(object.sendId) !== 0)
                                if ($util.Long)
                                    message.sendId = $util.Long.fromValue(object.sendId, false);
                                else if (typeof object.sendId === "string")
                                    message.sendId = $parseInt(object.sendId, 10);
                                else if (typeof object.sendId === "number")
                                    message.sendId = object.sendId;
                                else if (typeof object.sendId === "object")
                                    message.sendId = new $util.LongBits(object.sendId.low >>> 0, object.sendId.high >>> 0).toNumber();
                        if (object.chunkIndex != null)
                            if ($Number(object.chunkIndex) !== 0)
                                message.chunkIndex = object.chunkIndex | 0;
                        if (object.chunkCount != null)
                            if ($Number(object.chunkCount) !== 0)
                                message.chunkCount = object.chunkCount | 0;
                        if (object.chunkSize != null)
                            if ($Number(object.chunkSize) !== 0)
                                message.chunkSize = object.chunkSize | 0;
                        if (object.groupId != null)
                            if (typeof object.groupId === "object" ? object.groupId.low || object.groupId.high : $Number(object.groupId) !== 0)
                                if ($util.Long)
                                    message.groupId = $util.Long.fromValue(object.groupId, false);
                                else if (typeof object.groupId === "string")
                                    message.groupId = $parseInt(object.groupId, 10);
                                else if (typeof object.groupId === "number")
                                    message.groupId = object.groupId;
                                else if (typeof object.groupId === "object")
                                    message.groupId = new $util.LongBits(object.groupId.low >>> 0, object.groupId.high >>> 0).toNumber();
                        return message;
                    };

                    MsgUploadReq.toObject = function (message, options, _depth) {
                        if (!options)
                            options = {};
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var object = {};
                        if (options.defaults) {
                            object.fileName = "";
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.fileSize = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.fileSize = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if (options.bytes === $String)
                                object.fileData = "";
                            else {
                                object.fileData = [];
                                if (options.bytes !== $Array)
                                    object.fileData = $util.newBuffer(object.fileData);
                            }
                            object.hashType = "";
                            object.hashCode = "";
                            object.fileType = "";
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.sendId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.sendId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            object.chunkIndex = 0;
                            object.chunkCount = 0;
                            object.chunkSize = 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.groupId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.groupId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        }
                        if (message.fileName != null && $Object.hasOwnProperty.call(message, "fileName"))
                            object.fileName = message.fileName;
                        if (message.fileSize != null && $Object.hasOwnProperty.call(message, "fileSize"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.fileSize = typeof message.fileSize === "number" ? $BigInt(message.fileSize) : $util.Long.fromBits(message.fileSize.low >>> 0, message.fileSize.high >>> 0, false).toBigInt();
                            else if (typeof message.fileSize === "number")
                                object.fileSize = options.longs === $String ? $String(message.fileSize) : message.fileSize;
                            else
                                object.fileSize = options.longs === $String ? $util.Long.prototype.toString.call(message.fileSize) : options.longs === $Number ? new $util.LongBits(message.fileSize.low >>> 0, message.fileSize.high >>> 0).toNumber() : message.fileSize;
                        if (message.fileData != null && $Object.hasOwnProperty.call(message, "fileData"))
                            object.fileData = options.bytes === $String ? $util.base64.encode(message.fileData, 0, message.fileData.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.fileData) : message.fileData;
                        if (message.hashType != null && $Object.hasOwnProperty.call(message, "hashType"))
                            object.hashType = message.hashType;
                        if (message.hashCode != null && $Object.hasOwnProperty.call(message, "hashCode"))
                            object.hashCode = message.hashCode;
                        if (message.fileType != null && $Object.hasOwnProperty.call(message, "fileType"))
                            object.fileType = message.fileType;
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.sendId = typeof message.sendId === "number" ? $BigInt(message.sendId) : $util.Long.fromBits(message.sendId.low >>> 0, message.sendId.high >>> 0, false).toBigInt();
                            else if (typeof message.sendId === "number")
                                object.sendId = options.longs === $String ? $String(message.sendId) : message.sendId;
                            else
                                object.sendId = options.longs === $String ? $util.Long.prototype.toString.call(message.sendId) : options.longs === $Number ? new $util.LongBits(message.sendId.low >>> 0, message.sendId.high >>> 0).toNumber() : message.sendId;
                        if (message.chunkIndex != null && $Object.hasOwnProperty.call(message, "chunkIndex"))
                            object.chunkIndex = message.chunkIndex;
                        if (message.chunkCount != null && $Object.hasOwnProperty.call(message, "chunkCount"))
                            object.chunkCount = message.chunkCount;
                        if (message.chunkSize != null && $Object.hasOwnProperty.call(message, "chunkSize"))
                            object.chunkSize = message.chunkSize;
                        if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.groupId = typeof message.groupId === "number" ? $BigInt(message.groupId) : $util.Long.fromBits(message.groupId.low >>> 0, message.groupId.high >>> 0, false).toBigInt();
                            else if (typeof message.groupId === "number")
                                object.groupId = options.longs === $String ? $String(message.groupId) : message.groupId;
                            else
                                object.groupId = options.longs === $String ? $util.Long.prototype.toString.call(message.groupId) : options.longs === $Number ? new $util.LongBits(message.groupId.low >>> 0, message.groupId.high >>> 0).toNumber() : message.groupId;
                        return object;
                    };

                    MsgUploadReq.prototype.toJSON = function() {
                        return MsgUploadReq.toObject(this, $protobuf.util.toJSONOptions);
                    };

                    MsgUploadReq.getTypeUrl = function(prefix) {
                        if (prefix === $undefined)
                            prefix = "type.googleapis.com";
                        return prefix + "/com.bird2fish.birdtalksdk.pbmodel.MsgUploadReq";
                    };

                    return MsgUploadReq;
                })();

                pbmodel.MsgUploadReply = (function() {

                    var MsgUploadReply = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    MsgUploadReply.prototype.fileName = "";
                    MsgUploadReply.prototype.sendId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgUploadReply.prototype.uuidName = "";
                    MsgUploadReply.prototype.chunkIndex = 0;
                    MsgUploadReply.prototype.result = "";
                    MsgUploadReply.prototype.detail = "";

                    MsgUploadReply.create = function(properties) {
                        return new MsgUploadReply(properties);
                    };

                    MsgUploadReply.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.fileName != null && $Object.hasOwnProperty.call(message, "fileName") && message.fileName !== "")
                            writer.uint32(10).string(message.fileName);
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId") && (typeof message.sendId === "object" ? message.sendId.low || message.sendId.high : message.sendId !== 0))
                            writer.uint32(16).int64(message.sendId);
                        if (message.uuidName != null && $Object.hasOwnProperty.call(message, "uuidName") && message.uuidName !== "")
                            writer.uint32(26).string(message.uuidName);
                        if (message.chunkIndex != null && $Object.hasOwnProperty.call(message, "chunkIndex") && message.chunkIndex !== 0)
                            writer.uint32(32).int32(message.chunkIndex);
                        if (message.result != null && $Object.hasOwnProperty.call(message, "result") && message.result !== "")
                            writer.uint32(42).string(message.result);
                        if (message.detail != null && $Object.hasOwnProperty.call(message, "detail") && message.detail !== "")
                            writer.uint32(50).string(message.detail);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    MsgUploadReply.encodeDelimited = function(message, writer) {
                        return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                    };

                    MsgUploadReply.decode = function (reader, length, _end, _depth, _target) {
                        if (!(reader instanceof $Reader))
                            reader = $Reader.create(reader);
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $Reader.recursionLimit)
                            throw $Error("max depth exceeded");
                        var end, message, value;
                        if (length === $undefined)
                            end = reader.len;
                        else {
                            end = reader.pos + length;
                            if (end > reader.len)
                                throw $RangeError("index out of range");
                            length = reader.len;
                            reader.len = end;
                        }
                        message = _target || new $root.com.bird2fish.birdtalksdk.pbmodel.MsgUploadReply();
                        while (reader.pos < end) {
                            var start = reader.pos;
                            var tag = reader.tag();
                            if (tag === _end) {
                                _end = $undefined;
                                break;
                            }
                            var wireType = tag & 7;
                            switch (tag >>>= 3) {
                            case 1: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.fileName = value;
                                    else
                                        delete message.fileName;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.sendId = value;
                                    else
                                        delete message.sendId;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.uuidName = value;
                                    else
                                        delete message.uuidName;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.chunkIndex = value;
                                    else
                                        delete message.chunkIndex;
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.result = value;
                                    else
                                        delete message.result;
                                    continue;
                                }
                            case 6: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.detail = value;
                                    else
                                        delete message.detail;
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

                    MsgUploadReply.decodeDelimited = function(reader) {
                        if (!(reader instanceof $Reader))
                            reader = new $Reader(reader);
                        return this.decode(reader, reader.size());
                    };

                    MsgUploadReply.verify = function (message, _depth) {
                        if (typeof message !== "object" || message === null)
                            return "object expected";
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            return "max depth exceeded";
                        if (message.fileName != null && $Object.hasOwnProperty.call(message, "fileName"))
                            if (!$util.isString(message.fileName))
                                return "fileName: string expected";
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId"))
                            if (!$util.isInteger(message.sendId) && !(message.sendId && $util.isInteger(message.sendId.low) && $util.isInteger(message.sendId.high)))
                                return "sendId: integer|Long expected";
                        if (message.uuidName != null && $Object.hasOwnProperty.call(message, "uuidName"))
                            if (!$util.isString(message.uuidName))
                                return "uuidName: string expected";
                        if (message.chunkIndex != null && $Object.hasOwnProperty.call(message, "chunkIndex"))
                            if (!$util.isInteger(message.chunkIndex))
                                return "chunkIndex: integer expected";
                        if (message.result != null && $Object.hasOwnProperty.call(message, "result"))
                            if (!$util.isString(message.result))
                                return "result: string expected";
                        if (message.detail != null && $Object.hasOwnProperty.call(message, "detail"))
                            if (!$util.isString(message.detail))
                                return "detail: string expected";
                        return null;
                    };

                    MsgUploadReply.fromObject = function (object, _depth) {
                        if (object instanceof $root.com.bird2fish.birdtalksdk.pbmodel.MsgUploadReply)
                            return object;
                        if (!$util.isObject(object))
                            throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgUploadReply: object expected");
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var message = new $root.com.bird2fish.birdtalksdk.pbmodel.MsgUploadReply();
                        if (object.fileName != null)
                            if (typeof object.fileName !== "string" || object.fileName.length)
                                message.fileName = $String(object.fileName);
                        if (object.sendId != null)
                            if (typeof object.sendId === "object" ? object.sendId.low || object.sendId.high : $Number(object.sendId) !== 0)
                                if ($util.Long)
                                    message.sendId = $util.Long.fromValue(object.sendId, false);
                                else if (typeof object.sendId === "string")
                                    message.sendId = $parseInt(object.sendId, 10);
                                else if (typeof object.sendId === "number")
                                    message.sendId = object.sendId;
                                else if (typeof object.sendId === "object")
                                    message.sendId = new $util.LongBits(object.sendId.low >>> 0, object.sendId.high >>> 0).toNumber();
                        if (object.uuidName != null)
                            if (typeof object.uuidName !== "string" || object.uuidName.length)
                                message.uuidName = $String(object.uuidName);
                        if (object.chunkIndex != null)
                            if ($Number(object.chunkIndex) !== 0)
                                message.chunkIndex = object.chunkIndex | 0;
                        if (object.result != null)
                            if (typeof object.result !== "string" || object.result.length)
                                message.result = $String(object.result);
                        if (object.detail != null)
                            if (typeof object.detail !== "string" || object.detail.length)
                                message.detail = $String(object.detail);
                        return message;
                    };

                    MsgUploadReply.toObject = function (message, options, _depth) {
                        if (!options)
                            options = {};
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var object = {};
                        if (options.defaults) {
                            object.fileName = "";
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.sendId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.sendId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            object.uuidName = "";
                            object.chunkIndex = 0;
                            object.result = "";
                            object.detail = "";
                        }
                        if (message.fileName != null && $Object.hasOwnProperty.call(message, "fileName"))
                            object.fileName = message.fileName;
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.sendId = typeof message.sendId === "number" ? $BigInt(message.sendId) : $util.Long.fromBits(message.sendId.low >>> 0, message.sendId.high >>> 0, false).toBigInt();
                            else if (typeof message.sendId === "number")
                                object.sendId = options.longs === $String ? $String(message.sendId) : message.sendId;
                            else
                                object.sendId = options.longs === $String ? $util.Long.prototype.toString.call(message.sendId) : options.longs === $Number ? new $util.LongBits(message.sendId.low >>> 0, message.sendId.high >>> 0).toNumber() : message.sendId;
                        if (message.uuidName != null && $Object.hasOwnProperty.call(message, "uuidName"))
                            object.uuidName = message.uuidName;
                        if (message.chunkIndex != null && $Object.hasOwnProperty.call(message, "chunkIndex"))
                            object.chunkIndex = message.chunkIndex;
                        if (message.result != null && $Object.hasOwnProperty.call(message, "result"))
                            object.result = message.result;
                        if (message.detail != null && $Object.hasOwnProperty.call(message, "detail"))
                            object.detail = message.detail;
                        return object;
                    };

                    MsgUploadReply.prototype.toJSON = function() {
                        return MsgUploadReply.toObject(this, $protobuf.util.toJSONOptions);
                    };

                    MsgUploadReply.getTypeUrl = function(prefix) {
                        if (prefix === $undefined)
                            prefix = "type.googleapis.com";
                        return prefix + "/com.bird2fish.birdtalksdk.pbmodel.MsgUploadReply";
                    };

                    return MsgUploadReply;
                })();

                pbmodel.MsgDownloadReq = (function() {

                    var MsgDownloadReq = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    MsgDownloadReq.prototype.sendId = "";
                    MsgDownloadReq.prototype.fileName = "";
                    MsgDownloadReq.prototype.offset = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                    MsgDownloadReq.create = function(properties) {
                        return new MsgDownloadReq(properties);
                    };

                    MsgDownloadReq.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId") && message.sendId !== "")
                            writer.uint32(10).string(message.sendId);
                        if (message.fileName != null && $Object.hasOwnProperty.call(message, "fileName") && message.fileName !== "")
                            writer.uint32(18).string(message.fileName);
                        if (message.offset != null && $Object.hasOwnProperty.call(message, "offset") && (typeof message.offset === "object" ? message.offset.low || message.offset.high : message.offset !== 0))
                            writer.uint32(24).int64(message.offset);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    MsgDownloadReq.encodeDelimited = function(message, writer) {
                        return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                    };

                    MsgDownloadReq.decode = function (reader, length, _end, _depth, _target) {
                        if (!(reader instanceof $Reader))
                            reader = $Reader.create(reader);
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $Reader.recursionLimit)
                            throw $Error("max depth exceeded");
                        var end, message, value;
                        if (length === $undefined)
                            end = reader.len;
                        else {
                            end = reader.pos + length;
                            if (end > reader.len)
                                throw $RangeError("index out of range");
                            length = reader.len;
                            reader.len = end;
                        }
                        message = _target || new $root.com.bird2fish.birdtalksdk.pbmodel.MsgDownloadReq();
                        while (reader.pos < end) {
                            var start = reader.pos;
                            var tag = reader.tag();
                            if (tag === _end) {
                                _end = $undefined;
                                break;
                            }
                            var wireType = tag & 7;
                            switch (tag >>>= 3) {
                            case 1: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.sendId = value;
                                    else
                                        delete message.sendId;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.fileName = value;
                                    else
                                        delete message.fileName;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.offset = value;
                                    else
                                        delete message.offset;
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

                    MsgDownloadReq.decodeDelimited = function(reader) {
                        if (!(reader instanceof $Reader))
                            reader = new $Reader(reader);
                        return this.decode(reader, reader.size());
                    };

                    MsgDownloadReq.verify = function (message, _depth) {
                        if (typeof message !== "object" || message === null)
                            return "object expected";
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            return "max depth exceeded";
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId"))
                            if (!$util.isString(message.sendId))
                                return "sendId: string expected";
                        if (message.fileName != null && $Object.hasOwnProperty.call(message, "fileName"))
                            if (!$util.isString(message.fileName))
                                return "fileName: string expected";
                        if (message.offset != null && $Object.hasOwnProperty.call(message, "offset"))
                            if (!$util.isInteger(message.offset) && !(message.offset && $util.isInteger(message.offset.low) && $util.isInteger(message.offset.high)))
                                return "offset: integer|Long expected";
                        return null;
                    };

                    MsgDownloadReq.fromObject = function (object, _depth) {
                        if (object instanceof $root.com.bird2fish.birdtalksdk.pbmodel.MsgDownloadReq)
                            return object;
                        if (!$util.isObject(object))
                            throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgDownloadReq: object expected");
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var message = new $root.com.bird2fish.birdtalksdk.pbmodel.MsgDownloadReq();
                        if (object.sendId != null)
                            if (typeof object.sendId !== "string" || object.sendId.length)
                                message.sendId = $String(object.sendId);
                        if (object.fileName != null)
                            if (typeof object.fileName !== "string" || object.fileName.length)
                                message.fileName = $String(object.fileName);
                        if (object.offset != null)
                            if (typeof object.offset === "object" ? object.offset.low || object.offset.high : $Number(object.offset) !== 0)
                                if ($util.Long)
                                    message.offset = $util.Long.fromValue(object.offset, false);
                                else if (typeof object.offset === "string")
                                    message.offset = $parseInt(object.offset, 10);
                                else if (typeof object.offset === "number")
                                    message.offset = object.offset;
                                else if (typeof object.offset === "object")
                                    message.offset = new $util.LongBits(object.offset.low >>> 0, object.offset.high >>> 0).toNumber();
                        return message;
                    };

                    MsgDownloadReq.toObject = function (message, options, _depth) {
                        if (!options)
                            options = {};
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var object = {};
                        if (options.defaults) {
                            object.sendId = "";
                            object.fileName = "";
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.offset = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.offset = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        }
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId"))
                            object.sendId = message.sendId;
                        if (message.fileName != null && $Object.hasOwnProperty.call(message, "fileName"))
                            object.fileName = message.fileName;
                        if (message.offset != null && $Object.hasOwnProperty.call(message, "offset"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.offset = typeof message.offset === "number" ? $BigInt(message.offset) : $util.Long.fromBits(message.offset.low >>> 0, message.offset.high >>> 0, false).toBigInt();
                            else if (typeof message.offset === "number")
                                object.offset = options.longs === $String ? $String(message.offset) : message.offset;
                            else
                                object.offset = options.longs === $String ? $util.Long.prototype.toString.call(message.offset) : options.longs === $Number ? new $util.LongBits(message.offset.low >>> 0, message.offset.high >>> 0).toNumber() : message.offset;
                        return object;
                    };

                    MsgDownloadReq.prototype.toJSON = function() {
                        return MsgDownloadReq.toObject(this, $protobuf.util.toJSONOptions);
                    };

                    MsgDownloadReq.getTypeUrl = function(prefix) {
                        if (prefix === $undefined)
                            prefix = "type.googleapis.com";
                        return prefix + "/com.bird2fish.birdtalksdk.pbmodel.MsgDownloadReq";
                    };

                    return MsgDownloadReq;
                })();

                pbmodel.MsgDownloadReply = (function() {

                    var MsgDownloadReply = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    MsgDownloadReply.prototype.sendId = "";
                    MsgDownloadReply.prototype.fileName = "";
                    MsgDownloadReply.prototype.realName = "";
                    MsgDownloadReply.prototype.fileType = "";
                    MsgDownloadReply.prototype.hashType = "";
                    MsgDownloadReply.prototype.hashCode = "";
                    MsgDownloadReply.prototype.data = $util.newBuffer([]);
                    MsgDownloadReply.prototype.size = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgDownloadReply.prototype.offset = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgDownloadReply.prototype.chunkSize = 0;
                    MsgDownloadReply.prototype.chunkCount = 0;
                    MsgDownloadReply.prototype.chunkIndex = 0;
                    MsgDownloadReply.prototype.result = "";
                    MsgDownloadReply.prototype.detail = "";

                    MsgDownloadReply.create = function(properties) {
                        return new MsgDownloadReply(properties);
                    };

                    MsgDownloadReply.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId") && message.sendId !== "")
                            writer.uint32(10).string(message.sendId);
                        if (message.fileName != null && $Object.hasOwnProperty.call(message, "fileName") && message.fileName !== "")
                            writer.uint32(18).string(message.fileName);
                        if (message.realName != null && $Object.hasOwnProperty.call(message, "realName") && message.realName !== "")
                            writer.uint32(26).string(message.realName);
                        if (message.fileType != null && $Object.hasOwnProperty.call(message, "fileType") && message.fileType !== "")
                            writer.uint32(34).string(message.fileType);
                        if (message.hashType != null && $Object.hasOwnProperty.call(message, "hashType") && message.hashType !== "")
                            writer.uint32(42).string(message.hashType);
                        if (message.hashCode != null && $Object.hasOwnProperty.call(message, "hashCode") && message.hashCode !== "")
                            writer.uint32(50).string(message.hashCode);
                        if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                            writer.uint32(58).bytes(message.data);
                        if (message.size != null && $Object.hasOwnProperty.call(message, "size") && (typeof message.size === "object" ? message.size.low || message.size.high : message.size !== 0))
                            writer.uint32(64).int64(message.size);
                        if (message.offset != null && $Object.hasOwnProperty.call(message, "offset") && (typeof message.offset === "object" ? message.offset.low || message.offset.high : message.offset !== 0))
                            writer.uint32(72).int64(message.offset);
                        if (message.chunkSize != null && $Object.hasOwnProperty.call(message, "chunkSize") && message.chunkSize !== 0)
                            writer.uint32(80).int32(message.chunkSize);
                        if (message.chunkCount != null && $Object.hasOwnProperty.call(message, "chunkCount") && message.chunkCount !== 0)
                            writer.uint32(88).int32(message.chunkCount);
                        if (message.chunkIndex != null && $Object.hasOwnProperty.call(message, "chunkIndex") && message.chunkIndex !== 0)
                            writer.uint32(96).int32(message.chunkIndex);
                        if (message.result != null && $Object.hasOwnProperty.call(message, "result") && message.result !== "")
                            writer.uint32(106).string(message.result);
                        if (message.detail != null && $Object.hasOwnProperty.call(message, "detail") && message.detail !== "")
                            writer.uint32(114).string(message.detail);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    MsgDownloadReply.encodeDelimited = function(message, writer) {
                        return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                    };

                    MsgDownloadReply.decode = function (reader, length, _end, _depth, _target) {
                        if (!(reader instanceof $Reader))
                            reader = $Reader.create(reader);
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $Reader.recursionLimit)
                            throw $Error("max depth exceeded");
                        var end, message, value;
                        if (length === $undefined)
                            end = reader.len;
                        else {
                            end = reader.pos + length;
                            if (end > reader.len)
                                throw $RangeError("index out of range");
                            length = reader.len;
                            reader.len = end;
                        }
                        message = _target || new $root.com.bird2fish.birdtalksdk.pbmodel.MsgDownloadReply();
                        while (reader.pos < end) {
                            var start = reader.pos;
                            var tag = reader.tag();
                            if (tag === _end) {
                                _end = $undefined;
                                break;
                            }
                            var wireType = tag & 7;
                            switch (tag >>>= 3) {
                            case 1: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.sendId = value;
                                    else
                                        delete message.sendId;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.fileName = value;
                                    else
                                        delete message.fileName;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.realName = value;
                                    else
                                        delete message.realName;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.fileType = value;
                                    else
                                        delete message.fileType;
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.hashType = value;
                                    else
                                        delete message.hashType;
                                    continue;
                                }
                            case 6: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.hashCode = value;
                                    else
                                        delete message.hashCode;
                                    continue;
                                }
                            case 7: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.bytes()).length)
                                        message.data = value;
                                    else
                                        delete message.data;
                                    continue;
                                }
                            case 8: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.size = value;
                                    else
                                        delete message.size;
                                    continue;
                                }
                            case 9: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.offset = value;
                                    else
                                        delete message.offset;
                                    continue;
                                }
                            case 10: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.chunkSize = value;
                                    else
                                        delete message.chunkSize;
                                    continue;
                                }
                            case 11: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.chunkCount = value;
                                    else
                                        delete message.chunkCount;
                                    continue;
                                }
                            case 12: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.chunkIndex = value;
                                    else
                                        delete message.chunkIndex;
                                    continue;
                                }
                            case 13: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.result = value;
                                    else
                                        delete message.result;
                                    continue;
                                }
                            case 14: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.detail = value;
                                    else
                                        delete message.detail;
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

                    MsgDownloadReply.decodeDelimited = function(reader) {
                        if (!(reader instanceof $Reader))
                            reader = new $Reader(reader);
                        return this.decode(reader, reader.size());
                    };

                    MsgDownloadReply.verify = function (message, _depth) {
                        if (typeof message !== "object" || message === null)
                            return "object expected";
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            return "max depth exceeded";
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId"))
                            if (!$util.isString(message.sendId))
                                return "sendId: string expected";
                        if (message.fileName != null && $Object.hasOwnProperty.call(message, "fileName"))
                            if (!$util.isString(message.fileName))
                                return "fileName: string expected";
                        if (message.realName != null && $Object.hasOwnProperty.call(message, "realName"))
                            if (!$util.isString(message.realName))
                                return "realName: string expected";
                        if (message.fileType != null && $Object.hasOwnProperty.call(message, "fileType"))
                            if (!$util.isString(message.fileType))
                                return "fileType: string expected";
                        if (message.hashType != null && $Object.hasOwnProperty.call(message, "hashType"))
                            if (!$util.isString(message.hashType))
                                return "hashType: string expected";
                        if (message.hashCode != null && $Object.hasOwnProperty.call(message, "hashCode"))
                            if (!$util.isString(message.hashCode))
                                return "hashCode: string expected";
                        if (message.data != null && $Object.hasOwnProperty.call(message, "data"))
                            if (!(message.data && typeof message.data.length === "number" || $util.isString(message.data)))
                                return "data: buffer expected";
                        if (message.size != null && $Object.hasOwnProperty.call(message, "size"))
                            if (!$util.isInteger(message.size) && !(message.size && $util.isInteger(message.size.low) && $util.isInteger(message.size.high)))
                                return "size: integer|Long expected";
                        if (message.offset != null && $Object.hasOwnProperty.call(message, "offset"))
                            if (!$util.isInteger(message.offset) && !(message.offset && $util.isInteger(message.offset.low) && $util.isInteger(message.offset.high)))
                                return "offset: integer|Long expected";
                        if (message.chunkSize != null && $Object.hasOwnProperty.call(message, "chunkSize"))
                            if (!$util.isInteger(message.chunkSize))
                                return "chunkSize: integer expected";
                        if (message.chunkCount != null && $Object.hasOwnProperty.call(message, "chunkCount"))
                            if (!$util.isInteger(message.chunkCount))
                                return "chunkCount: integer expected";
                        if (message.chunkIndex != null && $Object.hasOwnProperty.call(message, "chunkIndex"))
                            if (!$util.isInteger(message.chunkIndex))
                                return "chunkIndex: integer expected";
                        if (message.result != null && $Object.hasOwnProperty.call(message, "result"))
                            if (!$util.isString(message.result))
                                return "result: string expected";
                        if (message.detail != null && $Object.hasOwnProperty.call(message, "detail"))
                            if (!$util.isString(message.detail))
                                return "detail: string expected";
                        return null;
                    };

                    MsgDownloadReply.fromObject = function (object, _depth) {
                        if (object instanceof $root.com.bird2fish.birdtalksdk.pbmodel.MsgDownloadReply)
                            return object;
                        if (!$util.isObject(object))
                            throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgDownloadReply: object expected");
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var message = new $root.com.bird2fish.birdtalksdk.pbmodel.MsgDownloadReply();
                        if (object.sendId != null)
                            if (typeof object.sendId !== "string" || object.sendId.length)
                                message.sendId = $String(object.sendId);
                        if (object.fileName != null)
                            if (typeof object.fileName !== "string" || object.fileName.length)
                                message.fileName = $String(object.fileName);
                        if (object.realName != null)
                            if (typeof object.realName !== "string" || object.realName.length)
                                message.realName = $String(object.realName);
                        if (object.fileType != null)
                            if (typeof object.fileType !== "string" || object.fileType.length)
                                message.fileType = $String(object.fileType);
                        if (object.hashType != null)
                            if (typeof object.hashType !== "string" || object.hashType.length)
                                message.hashType = $String(object.hashType);
                        if (object.hashCode != null)
                            if (typeof object.hashCode !== "string" || object.hashCode.length)
                                message.hashCode = $String(object.hashCode);
                        if (object.data != null)
                            if (object.data.length)
                                if (typeof object.data === "string")
                                    $util.base64.decode(object.data, message.data = $util.newBuffer($util.base64.length(object.data)), 0);
                                else if (object.data.length >= 0)
                                    message.data = object.data;
                        if (object.size != null)
                            if (typeof object.size === "object" ? object.size.low || object.size.high : $Number(object.size) !== 0)
                                if ($util.Long)
                                    message.size = $util.Long.fromValue(object.size, false);
                                else if (typeof object.size === "string")
                                    message.size = $parseInt(object.size, 10);
                                else if (typeof object.size === "number")
                                    message.size = object.size;
                                else if (typeof object.size === "object")
                                    message.size = new $util.LongBits(object.size.low >>> 0, object.size.high >>> 0).toNumber();
                        if (object.offset != null)
                            if (typeof object.offset === "object" ? object.offset.low || object.offset.high : $Number(object.offset) !== 0)
                                if ($util.Long)
                                    message.offset = $util.Long.fromValue(object.offset, false);
                                else if (typeof object.offset === "string")
                                    message.offset = $parseInt(object.offset, 10);
                                else if (typeof object.offset === "number")
                                    message.offset = object.offset;
                                else if (typeof object.offset === "object")
                                    message.offset = new $util.LongBits(object.offset.low >>> 0, object.offset.high >>> 0).toNumber();
                        if (object.chunkSize != null)
                            if ($Number(object.chunkSize) !== 0)
                                message.chunkSize = object.chunkSize | 0;
                        if (object.chunkCount != null)
                            if ($Number(object.chunkCount) !== 0)
                                message.chunkCount = object.chunkCount | 0;
                        if (object.chunkIndex != null)
                            if ($Number(object.chunkIndex) !== 0)
                                message.chunkIndex = object.chunkIndex | 0;
                        if (object.result != null)
                            if (typeof object.result !== "string" || object.result.length)
                                message.result = $String(object.result);
                        if (object.detail != null)
                            if (typeof object.detail !== "string" || object.detail.length)
                                message.detail = $String(object.detail);
                        return message;
                    };

                    MsgDownloadReply.toObject = function (message, options, _depth) {
                        if (!options)
                            options = {};
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var object = {};
                        if (options.defaults) {
                            object.sendId = "";
                            object.fileName = "";
                            object.realName = "";
                            object.fileType = "";
                            object.hashType = "";
                            object.hashCode = "";
                            if (options.bytes === $String)
                                object.data = "";
                            else {
                                object.data = [];
                                if (options.bytes !== $Array)
                                    object.data = $util.newBuffer(object.data);
                            }
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.size = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.size = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.offset = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.offset = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            object.chunkSize = 0;
                            object.chunkCount = 0;
                            object.chunkIndex = 0;
                            object.result = "";
                            object.detail = "";
                        }
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId"))
                            object.sendId = message.sendId;
                        if (message.fileName != null && $Object.hasOwnProperty.call(message, "fileName"))
                            object.fileName = message.fileName;
                        if (message.realName != null && $Object.hasOwnProperty.call(message, "realName"))
                            object.realName = message.realName;
                        if (message.fileType != null && $Object.hasOwnProperty.call(message, "fileType"))
                            object.fileType = message.fileType;
                        if (message.hashType != null && $Object.hasOwnProperty.call(message, "hashType"))
                            object.hashType = message.hashType;
                        if (message.hashCode != null && $Object.hasOwnProperty.call(message, "hashCode"))
                            object.hashCode = message.hashCode;
                        if (message.data != null && $Object.hasOwnProperty.call(message, "data"))
                            object.data = options.bytes === $String ? $util.base64.encode(message.data, 0, message.data.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.data) : message.data;
                        if (message.size != null && $Object.hasOwnProperty.call(message, "size"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.size = typeof message.size === "number" ? $BigInt(message.size) : $util.Long.fromBits(message.size.low >>> 0, message.size.high >>> 0, false).toBigInt();
                            else if (typeof message.size === "number")
                                object.size = options.longs === $String ? $String(message.size) : message.size;
                            else
                                object.size = options.longs === $String ? $util.Long.prototype.toString.call(message.size) : options.longs === $Number ? new $util.LongBits(message.size.low >>> 0, message.size.high >>> 0).toNumber() : message.size;
                        if (message.offset != null && $Object.hasOwnProperty.call(message, "offset"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.offset = typeof message.offset === "number" ? $BigInt(message.offset) : $util.Long.fromBits(message.offset.low >>> 0, message.offset.high >>> 0, false).toBigInt();
                            else if (typeof message.offset === "number")
                                object.offset = options.longs === $String ? $String(message.offset) : message.offset;
                            else
                                object.offset = options.longs === $String ? $util.Long.prototype.toString.call(message.offset) : options.longs === $Number ? new $util.LongBits(message.offset.low >>> 0, message.offset.high >>> 0).toNumber() : message.offset;
                        if (message.chunkSize != null && $Object.hasOwnProperty.call(message, "chunkSize"))
                            object.chunkSize = message.chunkSize;
                        if (message.chunkCount != null && $Object.hasOwnProperty.call(message, "chunkCount"))
                            object.chunkCount = message.chunkCount;
                        if (message.chunkIndex != null && $Object.hasOwnProperty.call(message, "chunkIndex"))
                            object.chunkIndex = message.chunkIndex;
                        if (message.result != null && $Object.hasOwnProperty.call(message, "result"))
                            object.result = message.result;
                        if (message.detail != null && $Object.hasOwnProperty.call(message, "detail"))
                            object.detail = message.detail;
                        return object;
                    };

                    MsgDownloadReply.prototype.toJSON = function() {
                        return MsgDownloadReply.toObject(this, $protobuf.util.toJSONOptions);
                    };

                    MsgDownloadReply.getTypeUrl = function(prefix) {
                        if (prefix === $undefined)
                            prefix = "type.googleapis.com";
                        return prefix + "/com.bird2fish.birdtalksdk.pbmodel.MsgDownloadReply";
                    };

                    return MsgDownloadReply;
                })();

                pbmodel.ErrorMsgType = (function() {
                    var valuesById = $Object.create(null), values = $Object.create(valuesById);
                    values[valuesById[0] = "ErrTNone"] = 0;
                    values[valuesById[1] = "ErrTVersion"] = 1;
                    values[valuesById[2] = "ErrTKeyPrint"] = 2;
                    values[valuesById[3] = "ErrTRedirect"] = 3;
                    values[valuesById[4] = "ErrTWrongPwd"] = 4;
                    values[valuesById[5] = "ErrTWrongCode"] = 5;
                    values[valuesById[6] = "ErrTRsaPrint"] = 6;
                    values[valuesById[7] = "ErrTTempKey"] = 7;
                    values[valuesById[8] = "ErrTEncType"] = 8;
                    values[valuesById[9] = "ErrTServerInside"] = 9;
                    values[valuesById[10] = "ErrTStage"] = 10;
                    values[valuesById[11] = "ErrTPublicKey"] = 11;
                    values[valuesById[12] = "ErrTKeyConflict"] = 12;
                    values[valuesById[13] = "ErrTCheckData"] = 13;
                    values[valuesById[14] = "ErrTMsgContent"] = 14;
                    values[valuesById[15] = "ErrTNotLogin"] = 15;
                    values[valuesById[16] = "ErrTNotPermission"] = 16;
                    values[valuesById[17] = "ErrTDisabled"] = 17;
                    values[valuesById[18] = "ErrTDeleted"] = 18;
                    values[valuesById[19] = "ErrTEmail"] = 19;
                    values[valuesById[20] = "ErrTPhone"] = 20;
                    values[valuesById[21] = "ErrTNotFriend"] = 21;
                    return values;
                })();

                pbmodel.MsgError = (function() {

                    var MsgError = function (properties) {
                        this.params = {};
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    MsgError.prototype.code = 0;
                    MsgError.prototype.detail = "";
                    MsgError.prototype.sendId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgError.prototype.msgId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    MsgError.prototype.msgType = 0;
                    MsgError.prototype.params = $util.emptyObject;

                    MsgError.create = function(properties) {
                        return new MsgError(properties);
                    };

                    MsgError.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== 0)
                            writer.uint32(8).int32(message.code);
                        if (message.detail != null && $Object.hasOwnProperty.call(message, "detail") && message.detail !== "")
                            writer.uint32(18).string(message.detail);
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId") && (typeof message.sendId === "object" ? message.sendId.low || message.sendId.high : message.sendId !== 0))
                            writer.uint32(24).int64(message.sendId);
                        if (message.msgId != null && $Object.hasOwnProperty.call(message, "msgId") && (typeof message.msgId === "object" ? message.msgId.low || message.msgId.high : message.msgId !== 0))
                            writer.uint32(32).int64(message.msgId);
                        if (message.msgType != null && $Object.hasOwnProperty.call(message, "msgType") && message.msgType !== 0)
                            writer.uint32(40).int32(message.msgType);
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params"))
                            for (var keys = $Object.keys(message.params), i = 0; i < keys.length; ++i)
                                writer.uint32(74).fork().uint32(10).string(keys[i]).uint32(18).string(message.params[keys[i]]).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    MsgError.encodeDelimited = function(message, writer) {
                        return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                    };

                    MsgError.decode = function (reader, length, _end, _depth, _target) {
                        if (!(reader instanceof $Reader))
                            reader = $Reader.create(reader);
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $Reader.recursionLimit)
                            throw $Error("max depth exceeded");
                        var end, message, key, value;
                        if (length === $undefined)
                            end = reader.len;
                        else {
                            end = reader.pos + length;
                            if (end > reader.len)
                                throw $RangeError("index out of range");
                            length = reader.len;
                            reader.len = end;
                        }
                        message = _target || new $root.com.bird2fish.birdtalksdk.pbmodel.MsgError();
                        while (reader.pos < end) {
                            var start = reader.pos;
                            var tag = reader.tag();
                            if (tag === _end) {
                                _end = $undefined;
                                break;
                            }
                            var wireType = tag & 7;
                            switch (tag >>>= 3) {
                            case 1: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.code = value;
                                    else
                                        delete message.code;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.detail = value;
                                    else
                                        delete message.detail;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.sendId = value;
                                    else
                                        delete message.sendId;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.msgId = value;
                                    else
                                        delete message.msgId;
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.msgType = value;
                                    else
                                        delete message.msgType;
                                    continue;
                                }
                            case 9: {
                                    if (wireType !== 2)
                                        break;
                                    if (message.params === $util.emptyObject)
                                        message.params = {};
                                    var end2 = reader.size() + reader.pos;
                                    if (end2 > reader.len)
                                        throw $RangeError("index out of range");
                                    reader.len = end2;
                                    key = "";
                                    value = "";
                                    while (reader.pos < end2) {
                                        var tag2 = reader.tag();
                                        wireType = tag2 & 7;
                                        switch (tag2 >>>= 3) {
                                        case 1:
                                            if (wireType !== 2)
                                                break;
                                            key = reader.stringVerify();
                                            continue;
                                        case 2:
                                            if (wireType !== 2)
                                                break;
                                            value = reader.stringVerify();
                                            continue;
                                        }
                                        reader.skipType(wireType, _depth, tag2);
                                    }
                                    if (reader.pos !== end2)
                                        throw $RangeError("index out of range");
                                    reader.len = end;
                                    if (key === "__proto__")
                                        $util.makeProp(message.params, key);
                                    message.params[key] = value;
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

                    MsgError.decodeDelimited = function(reader) {
                        if (!(reader instanceof $Reader))
                            reader = new $Reader(reader);
                        return this.decode(reader, reader.size());
                    };

                    MsgError.verify = function (message, _depth) {
                        if (typeof message !== "object" || message === null)
                            return "object expected";
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            return "max depth exceeded";
                        if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                            if (!$util.isInteger(message.code))
                                return "code: integer expected";
                        if (message.detail != null && $Object.hasOwnProperty.call(message, "detail"))
                            if (!$util.isString(message.detail))
                                return "detail: string expected";
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId"))
                            if (!$util.isInteger(message.sendId) && !(message.sendId && $util.isInteger(message.sendId.low) && $util.isInteger(message.sendId.high)))
                                return "sendId: integer|Long expected";
                        if (message.msgId != null && $Object.hasOwnProperty.call(message, "msgId"))
                            if (!$util.isInteger(message.msgId) && !(message.msgId && $util.isInteger(message.msgId.low) && $util.isInteger(message.msgId.high)))
                                return "msgId: integer|Long expected";
                        if (message.msgType != null && $Object.hasOwnProperty.call(message, "msgType"))
                            if (typeof message.msgType !== "number" || (message.msgType | 0) !== message.msgType)
                                return "msgType: enum value expected";
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params")) {
                            if (!$util.isObject(message.params))
                                return "params: object expected";
                            var key = $Object.keys(message.params);
                            for (var i = 0; i < key.length; ++i)
                                if (!$util.isString(message.params[key[i]]))
                                    return "params: string{k:string} expected";
                        }
                        return null;
                    };

                    MsgError.fromObject = function (object, _depth) {
                        if (object instanceof $root.com.bird2fish.birdtalksdk.pbmodel.MsgError)
                            return object;
                        if (!$util.isObject(object))
                            throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgError: object expected");
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var message = new $root.com.bird2fish.birdtalksdk.pbmodel.MsgError();
                        if (object.code != null)
                            if ($Number(object.code) !== 0)
                                message.code = object.code | 0;
                        if (object.detail != null)
                            if (typeof object.detail !== "string" || object.detail.length)
                                message.detail = $String(object.detail);
                        if (object.sendId != null)
                            if (typeof object.sendId === "object" ? object.sendId.low || object.sendId.high : $Number(object.sendId) !== 0)
                                if ($util.Long)
                                    message.sendId = $util.Long.fromValue(object.sendId, false);
                                else if (typeof object.sendId === "string")
                                    message.sendId = $parseInt(object.sendId, 10);
                                else if (typeof object.sendId === "number")
                                    message.sendId = object.sendId;
                                else if (typeof object.sendId === "object")
                                    message.sendId = new $util.LongBits(object.sendId.low >>> 0, object.sendId.high >>> 0).toNumber();
                        if (object.msgId != null)
                            if (typeof object.msgId === "object" ? object.msgId.low || object.msgId.high : $Number(object.msgId) !== 0)
                                if ($util.Long)
                                    message.msgId = $util.Long.fromValue(object.msgId, false);
                                else if (typeof object.msgId === "string")
                                    message.msgId = $parseInt(object.msgId, 10);
                                else if (typeof object.msgId === "number")
                                    message.msgId = object.msgId;
                                else if (typeof object.msgId === "object")
                                    message.msgId = new $util.LongBits(object.msgId.low >>> 0, object.msgId.high >>> 0).toNumber();
                        if (object.msgType !== 0 && (typeof object.msgType !== "string" || $root.com.bird2fish.birdtalksdk.pbmodel.ErrorMsgType[object.msgType] !== 0))
                            switch (object.msgType) {
                            case "ErrTNone":
                            case 0:
                                message.msgType = 0;
                                break;
                            case "ErrTVersion":
                            case 1:
                                message.msgType = 1;
                                break;
                            case "ErrTKeyPrint":
                            case 2:
                                message.msgType = 2;
                                break;
                            case "ErrTRedirect":
                            case 3:
                                message.msgType = 3;
                                break;
                            case "ErrTWrongPwd":
                            case 4:
                                message.msgType = 4;
                                break;
                            case "ErrTWrongCode":
                            case 5:
                                message.msgType = 5;
                                break;
                            case "ErrTRsaPrint":
                            case 6:
                                message.msgType = 6;
                                break;
                            case "ErrTTempKey":
                            case 7:
                                message.msgType = 7;
                                break;
                            case "ErrTEncType":
                            case 8:
                                message.msgType = 8;
                                break;
                            case "ErrTServerInside":
                            case 9:
                                message.msgType = 9;
                                break;
                            case "ErrTStage":
                            case 10:
                                message.msgType = 10;
                                break;
                            case "ErrTPublicKey":
                            case 11:
                                message.msgType = 11;
                                break;
                            case "ErrTKeyConflict":
                            case 12:
                                message.msgType = 12;
                                break;
                            case "ErrTCheckData":
                            case 13:
                                message.msgType = 13;
                                break;
                            case "ErrTMsgContent":
                            case 14:
                                message.msgType = 14;
                                break;
                            case "ErrTNotLogin":
                            case 15:
                                message.msgType = 15;
                                break;
                            case "ErrTNotPermission":
                            case 16:
                                message.msgType = 16;
                                break;
                            case "ErrTDisabled":
                            case 17:
                                message.msgType = 17;
                                break;
                            case "ErrTDeleted":
                            case 18:
                                message.msgType = 18;
                                break;
                            case "ErrTEmail":
                            case 19:
                                message.msgType = 19;
                                break;
                            case "ErrTPhone":
                            case 20:
                                message.msgType = 20;
                                break;
                            case "ErrTNotFriend":
                            case 21:
                                message.msgType = 21;
                                break;
                            default:
                                if (typeof object.msgType === "number" && (object.msgType | 0) === object.msgType)
                                    message.msgType = object.msgType;
                            }
                        if (object.params) {
                            if (!$util.isObject(object.params))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgError.params: object expected");
                            message.params = {};
                            for (var keys = $Object.keys(object.params), i = 0; i < keys.length; ++i) {
                                if (keys[i] === "__proto__")
                                    $util.makeProp(message.params, keys[i]);
                                message.params[keys[i]] = $String(object.params[keys[i]]);
                            }
                        }
                        return message;
                    };

                    MsgError.toObject = function (message, options, _depth) {
                        if (!options)
                            options = {};
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var object = {};
                        if (options.objects || options.defaults)
                            object.params = {};
                        if (options.defaults) {
                            object.code = 0;
                            object.detail = "";
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.sendId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.sendId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.msgId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.msgId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            object.msgType = options.enums === $String ? "ErrTNone" : 0;
                        }
                        if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                            object.code = message.code;
                        if (message.detail != null && $Object.hasOwnProperty.call(message, "detail"))
                            object.detail = message.detail;
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.sendId = typeof message.sendId === "number" ? $BigInt(message.sendId) : $util.Long.fromBits(message.sendId.low >>> 0, message.sendId.high >>> 0, false).toBigInt();
                            else if (typeof message.sendId === "number")
                                object.sendId = options.longs === $String ? $String(message.sendId) : message.sendId;
                            else
                                object.sendId = options.longs === $String ? $util.Long.prototype.toString.call(message.sendId) : options.longs === $Number ? new $util.LongBits(message.sendId.low >>> 0, message.sendId.high >>> 0).toNumber() : message.sendId;
                        if (message.msgId != null && $Object.hasOwnProperty.call(message, "msgId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.msgId = typeof message.msgId === "number" ? $BigInt(message.msgId) : $util.Long.fromBits(message.msgId.low >>> 0, message.msgId.high >>> 0, false).toBigInt();
                            else if (typeof message.msgId === "number")
                                object.msgId = options.longs === $String ? $String(message.msgId) : message.msgId;
                            else
                                object.msgId = options.longs === $String ? $util.Long.prototype.toString.call(message.msgId) : options.longs === $Number ? new $util.LongBits(message.msgId.low >>> 0, message.msgId.high >>> 0).toNumber() : message.msgId;
                        if (message.msgType != null && $Object.hasOwnProperty.call(message, "msgType"))
                            object.msgType = options.enums === $String ? $root.com.bird2fish.birdtalksdk.pbmodel.ErrorMsgType[message.msgType] === $undefined ? message.msgType : $root.com.bird2fish.birdtalksdk.pbmodel.ErrorMsgType[message.msgType] : message.msgType;
                        var keys2;
                        if (message.params && (keys2 = $Object.keys(message.params)).length) {
                            object.params = {};
                            for (var j = 0; j < keys2.length; ++j) {
                                if (keys2[j] === "__proto__")
                                    $util.makeProp(object.params, keys2[j]);
                                object.params[keys2[j]] = message.params[keys2[j]];
                            }
                        }
                        return object;
                    };

                    MsgError.prototype.toJSON = function() {
                        return MsgError.toObject(this, $protobuf.util.toJSONOptions);
                    };

                    MsgError.getTypeUrl = function(prefix) {
                        if (prefix === $undefined)
                            prefix = "type.googleapis.com";
                        return prefix + "/com.bird2fish.birdtalksdk.pbmodel.MsgError";
                    };

                    return MsgError;
                })();

                pbmodel.ComMsgType = (function() {
                    var valuesById = $Object.create(null), values = $Object.create(valuesById);
                    values[valuesById[0] = "MsgTUnused"] = 0;
                    values[valuesById[1] = "MsgTHello"] = 1;
                    values[valuesById[2] = "MsgTHeartBeat"] = 2;
                    values[valuesById[3] = "MsgTError"] = 3;
                    values[valuesById[4] = "MsgTKeyExchange"] = 4;
                    values[valuesById[11] = "MsgTChatMsg"] = 11;
                    values[valuesById[12] = "MsgTChatReply"] = 12;
                    values[valuesById[13] = "MsgTQuery"] = 13;
                    values[valuesById[14] = "MsgTQueryResult"] = 14;
                    values[valuesById[21] = "MsgTUpload"] = 21;
                    values[valuesById[22] = "MsgTDownload"] = 22;
                    values[valuesById[23] = "MsgTUploadReply"] = 23;
                    values[valuesById[24] = "MsgTDownloadReply"] = 24;
                    values[valuesById[31] = "MsgTUserOp"] = 31;
                    values[valuesById[32] = "MsgTUserOpRet"] = 32;
                    values[valuesById[33] = "MsgTFriendOp"] = 33;
                    values[valuesById[34] = "MsgTFriendOpRet"] = 34;
                    values[valuesById[35] = "MsgTGroupOp"] = 35;
                    values[valuesById[36] = "MsgTGroupOpRet"] = 36;
                    values[valuesById[100] = "MsgTOther"] = 100;
                    return values;
                })();

                pbmodel.MsgPlain = (function() {

                    var MsgPlain = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    MsgPlain.prototype.hello = null;
                    MsgPlain.prototype.heartBeat = null;
                    MsgPlain.prototype.errorMsg = null;
                    MsgPlain.prototype.keyEx = null;
                    MsgPlain.prototype.chatData = null;
                    MsgPlain.prototype.chatReply = null;
                    MsgPlain.prototype.commonQuery = null;
                    MsgPlain.prototype.commonQueryRet = null;
                    MsgPlain.prototype.uploadReq = null;
                    MsgPlain.prototype.downloadReq = null;
                    MsgPlain.prototype.uploadReply = null;
                    MsgPlain.prototype.downloadReply = null;
                    MsgPlain.prototype.userOp = null;
                    MsgPlain.prototype.userOpRet = null;
                    MsgPlain.prototype.friendOp = null;
                    MsgPlain.prototype.friendOpRet = null;
                    MsgPlain.prototype.groupOp = null;
                    MsgPlain.prototype.groupOpRet = null;
                    MsgPlain.prototype.otherTypeMsg = null;

                    var $oneOfFields;

                    $Object.defineProperty(MsgPlain.prototype, "message", {
                        get: $util.oneOfGetter($oneOfFields = ["hello", "heartBeat", "errorMsg", "keyEx", "chatData", "chatReply", "commonQuery", "commonQueryRet", "uploadReq", "downloadReq", "uploadReply", "downloadReply", "userOp", "userOpRet", "friendOp", "friendOpRet", "groupOp", "groupOpRet", "otherTypeMsg"]),
                        set: $util.oneOfSetter($oneOfFields)
                    });

                    MsgPlain.create = function(properties) {
                        return new MsgPlain(properties);
                    };

                    MsgPlain.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.hello != null && $Object.hasOwnProperty.call(message, "hello"))
                            $root.com.bird2fish.birdtalksdk.pbmodel.MsgHello.encode(message.hello, writer.uint32(58).fork(), _depth + 1).ldelim();
                        if (message.heartBeat != null && $Object.hasOwnProperty.call(message, "heartBeat"))
                            $root.com.bird2fish.birdtalksdk.pbmodel.MsgHeartBeat.encode(message.heartBeat, writer.uint32(66).fork(), _depth + 1).ldelim();
                        if (message.errorMsg != null && $Object.hasOwnProperty.call(message, "errorMsg"))
                            $root.com.bird2fish.birdtalksdk.pbmodel.MsgError.encode(message.errorMsg, writer.uint32(74).fork(), _depth + 1).ldelim();
                        if (message.keyEx != null && $Object.hasOwnProperty.call(message, "keyEx"))
                            $root.com.bird2fish.birdtalksdk.pbmodel.MsgKeyExchange.encode(message.keyEx, writer.uint32(82).fork(), _depth + 1).ldelim();
                        if (message.chatData != null && $Object.hasOwnProperty.call(message, "chatData"))
                            $root.com.bird2fish.birdtalksdk.pbmodel.MsgChat.encode(message.chatData, writer.uint32(90).fork(), _depth + 1).ldelim();
                        if (message.chatReply != null && $Object.hasOwnProperty.call(message, "chatReply"))
                            $root.com.bird2fish.birdtalksdk.pbmodel.MsgChatReply.encode(message.chatReply, writer.uint32(98).fork(), _depth + 1).ldelim();
                        if (message.commonQuery != null && $Object.hasOwnProperty.call(message, "commonQuery"))
                            $root.com.bird2fish.birdtalksdk.pbmodel.MsgQuery.encode(message.commonQuery, writer.uint32(106).fork(), _depth + 1).ldelim();
                        if (message.commonQueryRet != null && $Object.hasOwnProperty.call(message, "commonQueryRet"))
                            $root.com.bird2fish.birdtalksdk.pbmodel.MsgQueryResult.encode(message.commonQueryRet, writer.uint32(114).fork(), _depth + 1).ldelim();
                        if (message.uploadReq != null && $Object.hasOwnProperty.call(message, "uploadReq"))
                            $root.com.bird2fish.birdtalksdk.pbmodel.MsgUploadReq.encode(message.uploadReq, writer.uint32(170).fork(), _depth + 1).ldelim();
                        if (message.downloadReq != null && $Object.hasOwnProperty.call(message, "downloadReq"))
                            $root.com.bird2fish.birdtalksdk.pbmodel.MsgDownloadReq.encode(message.downloadReq, writer.uint32(178).fork(), _depth + 1).ldelim();
                        if (message.uploadReply != null && $Object.hasOwnProperty.call(message, "uploadReply"))
                            $root.com.bird2fish.birdtalksdk.pbmodel.MsgUploadReply.encode(message.uploadReply, writer.uint32(186).fork(), _depth + 1).ldelim();
                        if (message.downloadReply != null && $Object.hasOwnProperty.call(message, "downloadReply"))
                            $root.com.bird2fish.birdtalksdk.pbmodel.MsgDownloadReply.encode(message.downloadReply, writer.uint32(194).fork(), _depth + 1).ldelim();
                        if (message.userOp != null && $Object.hasOwnProperty.call(message, "userOp"))
                            $root.com.bird2fish.birdtalksdk.pbmodel.UserOpReq.encode(message.userOp, writer.uint32(250).fork(), _depth + 1).ldelim();
                        if (message.userOpRet != null && $Object.hasOwnProperty.call(message, "userOpRet"))
                            $root.com.bird2fish.birdtalksdk.pbmodel.UserOpResult.encode(message.userOpRet, writer.uint32(258).fork(), _depth + 1).ldelim();
                        if (message.friendOp != null && $Object.hasOwnProperty.call(message, "friendOp"))
                            $root.com.bird2fish.birdtalksdk.pbmodel.FriendOpReq.encode(message.friendOp, writer.uint32(266).fork(), _depth + 1).ldelim();
                        if (message.friendOpRet != null && $Object.hasOwnProperty.call(message, "friendOpRet"))
                            $root.com.bird2fish.birdtalksdk.pbmodel.FriendOpResult.encode(message.friendOpRet, writer.uint32(274).fork(), _depth + 1).ldelim();
                        if (message.groupOp != null && $Object.hasOwnProperty.call(message, "groupOp"))
                            $root.com.bird2fish.birdtalksdk.pbmodel.GroupOpReq.encode(message.groupOp, writer.uint32(282).fork(), _depth + 1).ldelim();
                        if (message.groupOpRet != null && $Object.hasOwnProperty.call(message, "groupOpRet"))
                            $root.com.bird2fish.birdtalksdk.pbmodel.GroupOpResult.encode(message.groupOpRet, writer.uint32(290).fork(), _depth + 1).ldelim();
                        if (message.otherTypeMsg != null && $Object.hasOwnProperty.call(message, "otherTypeMsg"))
                            writer.uint32(802).bytes(message.otherTypeMsg);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    MsgPlain.encodeDelimited = function(message, writer) {
                        return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                    };

                    MsgPlain.decode = function (reader, length, _end, _depth, _target) {
                        if (!(reader instanceof $Reader))
                            reader = $Reader.create(reader);
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $Reader.recursionLimit)
                            throw $Error("max depth exceeded");
                        var end, message;
                        if (length === $undefined)
                            end = reader.len;
                        else {
                            end = reader.pos + length;
                            if (end > reader.len)
                                throw $RangeError("index out of range");
                            length = reader.len;
                            reader.len = end;
                        }
                        message = _target || new $root.com.bird2fish.birdtalksdk.pbmodel.MsgPlain();
                        while (reader.pos < end) {
                            var start = reader.pos;
                            var tag = reader.tag();
                            if (tag === _end) {
                                _end = $undefined;
                                break;
                            }
                            var wireType = tag & 7;
                            switch (tag >>>= 3) {
                            case 7: {
                                    if (wireType !== 2)
                                        break;
                                    message.hello = $root.com.bird2fish.birdtalksdk.pbmodel.MsgHello.decode(reader, reader.size(), $undefined, _depth + 1, message.hello);
                                    message.message = "hello";
                                    continue;
                                }
                            case 8: {
                                    if (wireType !== 2)
                                        break;
                                    message.heartBeat = $root.com.bird2fish.birdtalksdk.pbmodel.MsgHeartBeat.decode(reader, reader.size(), $undefined, _depth + 1, message.heartBeat);
                                    message.message = "heartBeat";
                                    continue;
                                }
                            case 9: {
                                    if (wireType !== 2)
                                        break;
                                    message.errorMsg = $root.com.bird2fish.birdtalksdk.pbmodel.MsgError.decode(reader, reader.size(), $undefined, _depth + 1, message.errorMsg);
                                    message.message = "errorMsg";
                                    continue;
                                }
                            case 10: {
                                    if (wireType !== 2)
                                        break;
                                    message.keyEx = $root.com.bird2fish.birdtalksdk.pbmodel.MsgKeyExchange.decode(reader, reader.size(), $undefined, _depth + 1, message.keyEx);
                                    message.message = "keyEx";
                                    continue;
                                }
                            case 11: {
                                    if (wireType !== 2)
                                        break;
                                    message.chatData = $root.com.bird2fish.birdtalksdk.pbmodel.MsgChat.decode(reader, reader.size(), $undefined, _depth + 1, message.chatData);
                                    message.message = "chatData";
                                    continue;
                                }
                            case 12: {
                                    if (wireType !== 2)
                                        break;
                                    message.chatReply = $root.com.bird2fish.birdtalksdk.pbmodel.MsgChatReply.decode(reader, reader.size(), $undefined, _depth + 1, message.chatReply);
                                    message.message = "chatReply";
                                    continue;
                                }
                            case 13: {
                                    if (wireType !== 2)
                                        break;
                                    message.commonQuery = $root.com.bird2fish.birdtalksdk.pbmodel.MsgQuery.decode(reader, reader.size(), $undefined, _depth + 1, message.commonQuery);
                                    message.message = "commonQuery";
                                    continue;
                                }
                            case 14: {
                                    if (wireType !== 2)
                                        break;
                                    message.commonQueryRet = $root.com.bird2fish.birdtalksdk.pbmodel.MsgQueryResult.decode(reader, reader.size(), $undefined, _depth + 1, message.commonQueryRet);
                                    message.message = "commonQueryRet";
                                    continue;
                                }
                            case 21: {
                                    if (wireType !== 2)
                                        break;
                                    message.uploadReq = $root.com.bird2fish.birdtalksdk.pbmodel.MsgUploadReq.decode(reader, reader.size(), $undefined, _depth + 1, message.uploadReq);
                                    message.message = "uploadReq";
                                    continue;
                                }
                            case 22: {
                                    if (wireType !== 2)
                                        break;
                                    message.downloadReq = $root.com.bird2fish.birdtalksdk.pbmodel.MsgDownloadReq.decode(reader, reader.size(), $undefined, _depth + 1, message.downloadReq);
                                    message.message = "downloadReq";
                                    continue;
                                }
                            case 23: {
                                    if (wireType !== 2)
                                        break;
                                    message.uploadReply = $root.com.bird2fish.birdtalksdk.pbmodel.MsgUploadReply.decode(reader, reader.size(), $undefined, _depth + 1, message.uploadReply);
                                    message.message = "uploadReply";
                                    continue;
                                }
                            case 24: {
                                    if (wireType !== 2)
                                        break;
                                    message.downloadReply = $root.com.bird2fish.birdtalksdk.pbmodel.MsgDownloadReply.decode(reader, reader.size(), $undefined, _depth + 1, message.downloadReply);
                                    message.message = "downloadReply";
                                    continue;
                                }
                            case 31: {
                                    if (wireType !== 2)
                                        break;
                                    message.userOp = $root.com.bird2fish.birdtalksdk.pbmodel.UserOpReq.decode(reader, reader.size(), $undefined, _depth + 1, message.userOp);
                                    message.message = "userOp";
                                    continue;
                                }
                            case 32: {
                                    if (wireType !== 2)
                                        break;
                                    message.userOpRet = $root.com.bird2fish.birdtalksdk.pbmodel.UserOpResult.decode(reader, reader.size(), $undefined, _depth + 1, message.userOpRet);
                                    message.message = "userOpRet";
                                    continue;
                                }
                            case 33: {
                                    if (wireType !== 2)
                                        break;
                                    message.friendOp = $root.com.bird2fish.birdtalksdk.pbmodel.FriendOpReq.decode(reader, reader.size(), $undefined, _depth + 1, message.friendOp);
                                    message.message = "friendOp";
                                    continue;
                                }
                            case 34: {
                                    if (wireType !== 2)
                                        break;
                                    message.friendOpRet = $root.com.bird2fish.birdtalksdk.pbmodel.FriendOpResult.decode(reader, reader.size(), $undefined, _depth + 1, message.friendOpRet);
                                    message.message = "friendOpRet";
                                    continue;
                                }
                            case 35: {
                                    if (wireType !== 2)
                                        break;
                                    message.groupOp = $root.com.bird2fish.birdtalksdk.pbmodel.GroupOpReq.decode(reader, reader.size(), $undefined, _depth + 1, message.groupOp);
                                    message.message = "groupOp";
                                    continue;
                                }
                            case 36: {
                                    if (wireType !== 2)
                                        break;
                                    message.groupOpRet = $root.com.bird2fish.birdtalksdk.pbmodel.GroupOpResult.decode(reader, reader.size(), $undefined, _depth + 1, message.groupOpRet);
                                    message.message = "groupOpRet";
                                    continue;
                                }
                            case 100: {
                                    if (wireType !== 2)
                                        break;
                                    message.otherTypeMsg = reader.bytes();
                                    message.message = "otherTypeMsg";
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

                    MsgPlain.decodeDelimited = function(reader) {
                        if (!(reader instanceof $Reader))
                            reader = new $Reader(reader);
                        return this.decode(reader, reader.size());
                    };

                    MsgPlain.verify = function (message, _depth) {
                        if (typeof message !== "object" || message === null)
                            return "object expected";
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            return "max depth exceeded";
                        var properties = {};
                        if (message.hello != null && $Object.hasOwnProperty.call(message, "hello")) {
                            properties.message = 1;
                            {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.MsgHello.verify(message.hello, _depth + 1);
                                if (error)
                                    return "hello." + error;
                            }
                        }
                        if (message.heartBeat != null && $Object.hasOwnProperty.call(message, "heartBeat")) {
                            if (properties.message === 1)
                                return "message: multiple values";
                            properties.message = 1;
                            {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.MsgHeartBeat.verify(message.heartBeat, _depth + 1);
                                if (error)
                                    return "heartBeat." + error;
                            }
                        }
                        if (message.errorMsg != null && $Object.hasOwnProperty.call(message, "errorMsg")) {
                            if (properties.message === 1)
                                return "message: multiple values";
                            properties.message = 1;
                            {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.MsgError.verify(message.errorMsg, _depth + 1);
                                if (error)
                                    return "errorMsg." + error;
                            }
                        }
                        if (message.keyEx != null && $Object.hasOwnProperty.call(message, "keyEx")) {
                            if (properties.message === 1)
                                return "message: multiple values";
                            properties.message = 1;
                            {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.MsgKeyExchange.verify(message.keyEx, _depth + 1);
                                if (error)
                                    return "keyEx." + error;
                            }
                        }
                        if (message.chatData != null && $Object.hasOwnProperty.call(message, "chatData")) {
                            if (properties.message === 1)
                                return "message: multiple values";
                            properties.message = 1;
                            {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.MsgChat.verify(message.chatData, _depth + 1);
                                if (error)
                                    return "chatData." + error;
                            }
                        }
                        if (message.chatReply != null && $Object.hasOwnProperty.call(message, "chatReply")) {
                            if (properties.message === 1)
                                return "message: multiple values";
                            properties.message = 1;
                            {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.MsgChatReply.verify(message.chatReply, _depth + 1);
                                if (error)
                                    return "chatReply." + error;
                            }
                        }
                        if (message.commonQuery != null && $Object.hasOwnProperty.call(message, "commonQuery")) {
                            if (properties.message === 1)
                                return "message: multiple values";
                            properties.message = 1;
                            {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.MsgQuery.verify(message.commonQuery, _depth + 1);
                                if (error)
                                    return "commonQuery." + error;
                            }
                        }
                        if (message.commonQueryRet != null && $Object.hasOwnProperty.call(message, "commonQueryRet")) {
                            if (properties.message === 1)
                                return "message: multiple values";
                            properties.message = 1;
                            {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.MsgQueryResult.verify(message.commonQueryRet, _depth + 1);
                                if (error)
                                    return "commonQueryRet." + error;
                            }
                        }
                        if (message.uploadReq != null && $Object.hasOwnProperty.call(message, "uploadReq")) {
                            if (properties.message === 1)
                                return "message: multiple values";
                            properties.message = 1;
                            {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.MsgUploadReq.verify(message.uploadReq, _depth + 1);
                                if (error)
                                    return "uploadReq." + error;
                            }
                        }
                        if (message.downloadReq != null && $Object.hasOwnProperty.call(message, "downloadReq")) {
                            if (properties.message === 1)
                                return "message: multiple values";
                            properties.message = 1;
                            {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.MsgDownloadReq.verify(message.downloadReq, _depth + 1);
                                if (error)
                                    return "downloadReq." + error;
                            }
                        }
                        if (message.uploadReply != null && $Object.hasOwnProperty.call(message, "uploadReply")) {
                            if (properties.message === 1)
                                return "message: multiple values";
                            properties.message = 1;
                            {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.MsgUploadReply.verify(message.uploadReply, _depth + 1);
                                if (error)
                                    return "uploadReply." + error;
                            }
                        }
                        if (message.downloadReply != null && $Object.hasOwnProperty.call(message, "downloadReply")) {
                            if (properties.message === 1)
                                return "message: multiple values";
                            properties.message = 1;
                            {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.MsgDownloadReply.verify(message.downloadReply, _depth + 1);
                                if (error)
                                    return "downloadReply." + error;
                            }
                        }
                        if (message.userOp != null && $Object.hasOwnProperty.call(message, "userOp")) {
                            if (properties.message === 1)
                                return "message: multiple values";
                            properties.message = 1;
                            {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.UserOpReq.verify(message.userOp, _depth + 1);
                                if (error)
                                    return "userOp." + error;
                            }
                        }
                        if (message.userOpRet != null && $Object.hasOwnProperty.call(message, "userOpRet")) {
                            if (properties.message === 1)
                                return "message: multiple values";
                            properties.message = 1;
                            {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.UserOpResult.verify(message.userOpRet, _depth + 1);
                                if (error)
                                    return "userOpRet." + error;
                            }
                        }
                        if (message.friendOp != null && $Object.hasOwnProperty.call(message, "friendOp")) {
                            if (properties.message === 1)
                                return "message: multiple values";
                            properties.message = 1;
                            {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.FriendOpReq.verify(message.friendOp, _depth + 1);
                                if (error)
                                    return "friendOp." + error;
                            }
                        }
                        if (message.friendOpRet != null && $Object.hasOwnProperty.call(message, "friendOpRet")) {
                            if (properties.message === 1)
                                return "message: multiple values";
                            properties.message = 1;
                            {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.FriendOpResult.verify(message.friendOpRet, _depth + 1);
                                if (error)
                                    return "friendOpRet." + error;
                            }
                        }
                        if (message.groupOp != null && $Object.hasOwnProperty.call(message, "groupOp")) {
                            if (properties.message === 1)
                                return "message: multiple values";
                            properties.message = 1;
                            {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.GroupOpReq.verify(message.groupOp, _depth + 1);
                                if (error)
                                    return "groupOp." + error;
                            }
                        }
                        if (message.groupOpRet != null && $Object.hasOwnProperty.call(message, "groupOpRet")) {
                            if (properties.message === 1)
                                return "message: multiple values";
                            properties.message = 1;
                            {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.GroupOpResult.verify(message.groupOpRet, _depth + 1);
                                if (error)
                                    return "groupOpRet." + error;
                            }
                        }
                        if (message.otherTypeMsg != null && $Object.hasOwnProperty.call(message, "otherTypeMsg")) {
                            if (properties.message === 1)
                                return "message: multiple values";
                            properties.message = 1;
                            if (!(message.otherTypeMsg && typeof message.otherTypeMsg.length === "number" || $util.isString(message.otherTypeMsg)))
                                return "otherTypeMsg: buffer expected";
                        }
                        return null;
                    };

                    MsgPlain.fromObject = function (object, _depth) {
                        if (object instanceof $root.com.bird2fish.birdtalksdk.pbmodel.MsgPlain)
                            return object;
                        if (!$util.isObject(object))
                            throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgPlain: object expected");
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var message = new $root.com.bird2fish.birdtalksdk.pbmodel.MsgPlain();
                        if (object.hello != null) {
                            if (!$util.isObject(object.hello))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgPlain.hello: object expected");
                            message.hello = $root.com.bird2fish.birdtalksdk.pbmodel.MsgHello.fromObject(object.hello, _depth + 1);
                        }
                        if (object.heartBeat != null) {
                            if (!$util.isObject(object.heartBeat))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgPlain.heartBeat: object expected");
                            message.heartBeat = $root.com.bird2fish.birdtalksdk.pbmodel.MsgHeartBeat.fromObject(object.heartBeat, _depth + 1);
                        }
                        if (object.errorMsg != null) {
                            if (!$util.isObject(object.errorMsg))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgPlain.errorMsg: object expected");
                            message.errorMsg = $root.com.bird2fish.birdtalksdk.pbmodel.MsgError.fromObject(object.errorMsg, _depth + 1);
                        }
                        if (object.keyEx != null) {
                            if (!$util.isObject(object.keyEx))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgPlain.keyEx: object expected");
                            message.keyEx = $root.com.bird2fish.birdtalksdk.pbmodel.MsgKeyExchange.fromObject(object.keyEx, _depth + 1);
                        }
                        if (object.chatData != null) {
                            if (!$util.isObject(object.chatData))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgPlain.chatData: object expected");
                            message.chatData = $root.com.bird2fish.birdtalksdk.pbmodel.MsgChat.fromObject(object.chatData, _depth + 1);
                        }
                        if (object.chatReply != null) {
                            if (!$util.isObject(object.chatReply))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgPlain.chatReply: object expected");
                            message.chatReply = $root.com.bird2fish.birdtalksdk.pbmodel.MsgChatReply.fromObject(object.chatReply, _depth + 1);
                        }
                        if (object.commonQuery != null) {
                            if (!$util.isObject(object.commonQuery))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgPlain.commonQuery: object expected");
                            message.commonQuery = $root.com.bird2fish.birdtalksdk.pbmodel.MsgQuery.fromObject(object.commonQuery, _depth + 1);
                        }
                        if (object.commonQueryRet != null) {
                            if (!$util.isObject(object.commonQueryRet))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgPlain.commonQueryRet: object expected");
                            message.commonQueryRet = $root.com.bird2fish.birdtalksdk.pbmodel.MsgQueryResult.fromObject(object.commonQueryRet, _depth + 1);
                        }
                        if (object.uploadReq != null) {
                            if (!$util.isObject(object.uploadReq))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgPlain.uploadReq: object expected");
                            message.uploadReq = $root.com.bird2fish.birdtalksdk.pbmodel.MsgUploadReq.fromObject(object.uploadReq, _depth + 1);
                        }
                        if (object.downloadReq != null) {
                            if (!$util.isObject(object.downloadReq))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgPlain.downloadReq: object expected");
                            message.downloadReq = $root.com.bird2fish.birdtalksdk.pbmodel.MsgDownloadReq.fromObject(object.downloadReq, _depth + 1);
                        }
                        if (object.uploadReply != null) {
                            if (!$util.isObject(object.uploadReply))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgPlain.uploadReply: object expected");
                            message.uploadReply = $root.com.bird2fish.birdtalksdk.pbmodel.MsgUploadReply.fromObject(object.uploadReply, _depth + 1);
                        }
                        if (object.downloadReply != null) {
                            if (!$util.isObject(object.downloadReply))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgPlain.downloadReply: object expected");
                            message.downloadReply = $root.com.bird2fish.birdtalksdk.pbmodel.MsgDownloadReply.fromObject(object.downloadReply, _depth + 1);
                        }
                        if (object.userOp != null) {
                            if (!$util.isObject(object.userOp))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgPlain.userOp: object expected");
                            message.userOp = $root.com.bird2fish.birdtalksdk.pbmodel.UserOpReq.fromObject(object.userOp, _depth + 1);
                        }
                        if (object.userOpRet != null) {
                            if (!$util.isObject(object.userOpRet))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgPlain.userOpRet: object expected");
                            message.userOpRet = $root.com.bird2fish.birdtalksdk.pbmodel.UserOpResult.fromObject(object.userOpRet, _depth + 1);
                        }
                        if (object.friendOp != null) {
                            if (!$util.isObject(object.friendOp))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgPlain.friendOp: object expected");
                            message.friendOp = $root.com.bird2fish.birdtalksdk.pbmodel.FriendOpReq.fromObject(object.friendOp, _depth + 1);
                        }
                        if (object.friendOpRet != null) {
                            if (!$util.isObject(object.friendOpRet))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgPlain.friendOpRet: object expected");
                            message.friendOpRet = $root.com.bird2fish.birdtalksdk.pbmodel.FriendOpResult.fromObject(object.friendOpRet, _depth + 1);
                        }
                        if (object.groupOp != null) {
                            if (!$util.isObject(object.groupOp))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgPlain.groupOp: object expected");
                            message.groupOp = $root.com.bird2fish.birdtalksdk.pbmodel.GroupOpReq.fromObject(object.groupOp, _depth + 1);
                        }
                        if (object.groupOpRet != null) {
                            if (!$util.isObject(object.groupOpRet))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.MsgPlain.groupOpRet: object expected");
                            message.groupOpRet = $root.com.bird2fish.birdtalksdk.pbmodel.GroupOpResult.fromObject(object.groupOpRet, _depth + 1);
                        }
                        if (object.otherTypeMsg != null)
                            if (typeof object.otherTypeMsg === "string")
                                $util.base64.decode(object.otherTypeMsg, message.otherTypeMsg = $util.newBuffer($util.base64.length(object.otherTypeMsg)), 0);
                            else if (object.otherTypeMsg.length >= 0)
                                message.otherTypeMsg = object.otherTypeMsg;
                        return message;
                    };

                    MsgPlain.toObject = function (message, options, _depth) {
                        if (!options)
                            options = {};
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var object = {};
                        if (message.hello != null && $Object.hasOwnProperty.call(message, "hello")) {
                            object.hello = $root.com.bird2fish.birdtalksdk.pbmodel.MsgHello.toObject(message.hello, options, _depth + 1);
                            if (options.oneofs)
                                object.message = "hello";
                        }
                        if (message.heartBeat != null && $Object.hasOwnProperty.call(message, "heartBeat")) {
                            object.heartBeat = $root.com.bird2fish.birdtalksdk.pbmodel.MsgHeartBeat.toObject(message.heartBeat, options, _depth + 1);
                            if (options.oneofs)
                                object.message = "heartBeat";
                        }
                        if (message.errorMsg != null && $Object.hasOwnProperty.call(message, "errorMsg")) {
                            object.errorMsg = $root.com.bird2fish.birdtalksdk.pbmodel.MsgError.toObject(message.errorMsg, options, _depth + 1);
                            if (options.oneofs)
                                object.message = "errorMsg";
                        }
                        if (message.keyEx != null && $Object.hasOwnProperty.call(message, "keyEx")) {
                            object.keyEx = $root.com.bird2fish.birdtalksdk.pbmodel.MsgKeyExchange.toObject(message.keyEx, options, _depth + 1);
                            if (options.oneofs)
                                object.message = "keyEx";
                        }
                        if (message.chatData != null && $Object.hasOwnProperty.call(message, "chatData")) {
                            object.chatData = $root.com.bird2fish.birdtalksdk.pbmodel.MsgChat.toObject(message.chatData, options, _depth + 1);
                            if (options.oneofs)
                                object.message = "chatData";
                        }
                        if (message.chatReply != null && $Object.hasOwnProperty.call(message, "chatReply")) {
                            object.chatReply = $root.com.bird2fish.birdtalksdk.pbmodel.MsgChatReply.toObject(message.chatReply, options, _depth + 1);
                            if (options.oneofs)
                                object.message = "chatReply";
                        }
                        if (message.commonQuery != null && $Object.hasOwnProperty.call(message, "commonQuery")) {
                            object.commonQuery = $root.com.bird2fish.birdtalksdk.pbmodel.MsgQuery.toObject(message.commonQuery, options, _depth + 1);
                            if (options.oneofs)
                                object.message = "commonQuery";
                        }
                        if (message.commonQueryRet != null && $Object.hasOwnProperty.call(message, "commonQueryRet")) {
                            object.commonQueryRet = $root.com.bird2fish.birdtalksdk.pbmodel.MsgQueryResult.toObject(message.commonQueryRet, options, _depth + 1);
                            if (options.oneofs)
                                object.message = "commonQueryRet";
                        }
                        if (message.uploadReq != null && $Object.hasOwnProperty.call(message, "uploadReq")) {
                            object.uploadReq = $root.com.bird2fish.birdtalksdk.pbmodel.MsgUploadReq.toObject(message.uploadReq, options, _depth + 1);
                            if (options.oneofs)
                                object.message = "uploadReq";
                        }
                        if (message.downloadReq != null && $Object.hasOwnProperty.call(message, "downloadReq")) {
                            object.downloadReq = $root.com.bird2fish.birdtalksdk.pbmodel.MsgDownloadReq.toObject(message.downloadReq, options, _depth + 1);
                            if (options.oneofs)
                                object.message = "downloadReq";
                        }
                        if (message.uploadReply != null && $Object.hasOwnProperty.call(message, "uploadReply")) {
                            object.uploadReply = $root.com.bird2fish.birdtalksdk.pbmodel.MsgUploadReply.toObject(message.uploadReply, options, _depth + 1);
                            if (options.oneofs)
                                object.message = "uploadReply";
                        }
                        if (message.downloadReply != null && $Object.hasOwnProperty.call(message, "downloadReply")) {
                            object.downloadReply = $root.com.bird2fish.birdtalksdk.pbmodel.MsgDownloadReply.toObject(message.downloadReply, options, _depth + 1);
                            if (options.oneofs)
                                object.message = "downloadReply";
                        }
                        if (message.userOp != null && $Object.hasOwnProperty.call(message, "userOp")) {
                            object.userOp = $root.com.bird2fish.birdtalksdk.pbmodel.UserOpReq.toObject(message.userOp, options, _depth + 1);
                            if (options.oneofs)
                                object.message = "userOp";
                        }
                        if (message.userOpRet != null && $Object.hasOwnProperty.call(message, "userOpRet")) {
                            object.userOpRet = $root.com.bird2fish.birdtalksdk.pbmodel.UserOpResult.toObject(message.userOpRet, options, _depth + 1);
                            if (options.oneofs)
                                object.message = "userOpRet";
                        }
                        if (message.friendOp != null && $Object.hasOwnProperty.call(message, "friendOp")) {
                            object.friendOp = $root.com.bird2fish.birdtalksdk.pbmodel.FriendOpReq.toObject(message.friendOp, options, _depth + 1);
                            if (options.oneofs)
                                object.message = "friendOp";
                        }
                        if (message.friendOpRet != null && $Object.hasOwnProperty.call(message, "friendOpRet")) {
                            object.friendOpRet = $root.com.bird2fish.birdtalksdk.pbmodel.FriendOpResult.toObject(message.friendOpRet, options, _depth + 1);
                            if (options.oneofs)
                                object.message = "friendOpRet";
                        }
                        if (message.groupOp != null && $Object.hasOwnProperty.call(message, "groupOp")) {
                            object.groupOp = $root.com.bird2fish.birdtalksdk.pbmodel.GroupOpReq.toObject(message.groupOp, options, _depth + 1);
                            if (options.oneofs)
                                object.message = "groupOp";
                        }
                        if (message.groupOpRet != null && $Object.hasOwnProperty.call(message, "groupOpRet")) {
                            object.groupOpRet = $root.com.bird2fish.birdtalksdk.pbmodel.GroupOpResult.toObject(message.groupOpRet, options, _depth + 1);
                            if (options.oneofs)
                                object.message = "groupOpRet";
                        }
                        if (message.otherTypeMsg != null && $Object.hasOwnProperty.call(message, "otherTypeMsg")) {
                            object.otherTypeMsg = options.bytes === $String ? $util.base64.encode(message.otherTypeMsg, 0, message.otherTypeMsg.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.otherTypeMsg) : message.otherTypeMsg;
                            if (options.oneofs)
                                object.message = "otherTypeMsg";
                        }
                        return object;
                    };

                    MsgPlain.prototype.toJSON = function() {
                        return MsgPlain.toObject(this, $protobuf.util.toJSONOptions);
                    };

                    MsgPlain.getTypeUrl = function(prefix) {
                        if (prefix === $undefined)
                            prefix = "type.googleapis.com";
                        return prefix + "/com.bird2fish.birdtalksdk.pbmodel.MsgPlain";
                    };

                    return MsgPlain;
                })();

                pbmodel.Msg = (function() {

                    var Msg = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    Msg.prototype.version = 0;
                    Msg.prototype.keyPrint = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    Msg.prototype.tm = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    Msg.prototype.msgType = 0;
                    Msg.prototype.subType = 0;
                    Msg.prototype.cipher = null;
                    Msg.prototype.plainMsg = null;

                    var $oneOfFields;

                    $Object.defineProperty(Msg.prototype, "message", {
                        get: $util.oneOfGetter($oneOfFields = ["cipher", "plainMsg"]),
                        set: $util.oneOfSetter($oneOfFields)
                    });

                    Msg.create = function(properties) {
                        return new Msg(properties);
                    };

                    Msg.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== 0)
                            writer.uint32(8).int32(message.version);
                        if (message.keyPrint != null && $Object.hasOwnProperty.call(message, "keyPrint") && (typeof message.keyPrint === "object" ? message.keyPrint.low || message.keyPrint.high : message.keyPrint !== 0))
                            writer.uint32(16).int64(message.keyPrint);
                        if (message.tm != null && $Object.hasOwnProperty.call(message, "tm") && (typeof message.tm === "object" ? message.tm.low || message.tm.high : message.tm !== 0))
                            writer.uint32(24).int64(message.tm);
                        if (message.msgType != null && $Object.hasOwnProperty.call(message, "msgType") && message.msgType !== 0)
                            writer.uint32(32).int32(message.msgType);
                        if (message.subType != null && $Object.hasOwnProperty.call(message, "subType") && message.subType !== 0)
                            writer.uint32(40).int32(message.subType);
                        if (message.cipher != null && $Object.hasOwnProperty.call(message, "cipher"))
                            writer.uint32(90).bytes(message.cipher);
                        if (message.plainMsg != null && $Object.hasOwnProperty.call(message, "plainMsg"))
                            $root.com.bird2fish.birdtalksdk.pbmodel.MsgPlain.encode(message.plainMsg, writer.uint32(98).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    Msg.encodeDelimited = function(message, writer) {
                        return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                    };

                    Msg.decode = function (reader, length, _end, _depth, _target) {
                        if (!(reader instanceof $Reader))
                            reader = $Reader.create(reader);
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $Reader.recursionLimit)
                            throw $Error("max depth exceeded");
                        var end, message, value;
                        if (length === $undefined)
                            end = reader.len;
                        else {
                            end = reader.pos + length;
                            if (end > reader.len)
                                throw $RangeError("index out of range");
                            length = reader.len;
                            reader.len = end;
                        }
                        message = _target || new $root.com.bird2fish.birdtalksdk.pbmodel.Msg();
                        while (reader.pos < end) {
                            var start = reader.pos;
                            var tag = reader.tag();
                            if (tag === _end) {
                                _end = $undefined;
                                break;
                            }
                            var wireType = tag & 7;
                            switch (tag >>>= 3) {
                            case 1: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.version = value;
                                    else
                                        delete message.version;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.keyPrint = value;
                                    else
                                        delete message.keyPrint;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.tm = value;
                                    else
                                        delete message.tm;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.msgType = value;
                                    else
                                        delete message.msgType;
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.subType = value;
                                    else
                                        delete message.subType;
                                    continue;
                                }
                            case 11: {
                                    if (wireType !== 2)
                                        break;
                                    message.cipher = reader.bytes();
                                    message.message = "cipher";
                                    continue;
                                }
                            case 12: {
                                    if (wireType !== 2)
                                        break;
                                    message.plainMsg = $root.com.bird2fish.birdtalksdk.pbmodel.MsgPlain.decode(reader, reader.size(), $undefined, _depth + 1, message.plainMsg);
                                    message.message = "plainMsg";
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

                    Msg.decodeDelimited = function(reader) {
                        if (!(reader instanceof $Reader))
                            reader = new $Reader(reader);
                        return this.decode(reader, reader.size());
                    };

                    Msg.verify = function (message, _depth) {
                        if (typeof message !== "object" || message === null)
                            return "object expected";
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            return "max depth exceeded";
                        var properties = {};
                        if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                            if (!$util.isInteger(message.version))
                                return "version: integer expected";
                        if (message.keyPrint != null && $Object.hasOwnProperty.call(message, "keyPrint"))
                            if (!$util.isInteger(message.keyPrint) && !(message.keyPrint && $util.isInteger(message.keyPrint.low) && $util.isInteger(message.keyPrint.high)))
                                return "keyPrint: integer|Long expected";
                        if (message.tm != null && $Object.hasOwnProperty.call(message, "tm"))
                            if (!$util.isInteger(message.tm) && !(message.tm && $util.isInteger(message.tm.low) && $util.isInteger(message.tm.high)))
                                return "tm: integer|Long expected";
                        if (message.msgType != null && $Object.hasOwnProperty.call(message, "msgType"))
                            if (typeof message.msgType !== "number" || (message.msgType | 0) !== message.msgType)
                                return "msgType: enum value expected";
                        if (message.subType != null && $Object.hasOwnProperty.call(message, "subType"))
                            if (!$util.isInteger(message.subType))
                                return "subType: integer expected";
                        if (message.cipher != null && $Object.hasOwnProperty.call(message, "cipher")) {
                            properties.message = 1;
                            if (!(message.cipher && typeof message.cipher.length === "number" || $util.isString(message.cipher)))
                                return "cipher: buffer expected";
                        }
                        if (message.plainMsg != null && $Object.hasOwnProperty.call(message, "plainMsg")) {
                            if (properties.message === 1)
                                return "message: multiple values";
                            properties.message = 1;
                            {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.MsgPlain.verify(message.plainMsg, _depth + 1);
                                if (error)
                                    return "plainMsg." + error;
                            }
                        }
                        return null;
                    };

                    Msg.fromObject = function (object, _depth) {
                        if (object instanceof $root.com.bird2fish.birdtalksdk.pbmodel.Msg)
                            return object;
                        if (!$util.isObject(object))
                            throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.Msg: object expected");
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var message = new $root.com.bird2fish.birdtalksdk.pbmodel.Msg();
                        if (object.version != null)
                            if ($Number(object.version) !== 0)
                                message.version = object.version | 0;
                        if (object.keyPrint != null)
                            if (typeof object.keyPrint === "object" ? object.keyPrint.low || object.keyPrint.high : $Number(object.keyPrint) !== 0)
                                if ($util.Long)
                                    message.keyPrint = $util.Long.fromValue(object.keyPrint, false);
                                else if (typeof object.keyPrint === "string")
                                    message.keyPrint = $parseInt(object.keyPrint, 10);
                                else if (typeof object.keyPrint === "number")
                                    message.keyPrint = object.keyPrint;
                                else if (typeof object.keyPrint === "object")
                                    message.keyPrint = new $util.LongBits(object.keyPrint.low >>> 0, object.keyPrint.high >>> 0).toNumber();
                        if (object.tm != null)
                            if (typeof object.tm === "object" ? object.tm.low || object.tm.high : $Number(object.tm) !== 0)
                                if ($util.Long)
                                    message.tm = $util.Long.fromValue(object.tm, false);
                                else if (typeof object.tm === "string")
                                    message.tm = $parseInt(object.tm, 10);
                                else if (typeof object.tm === "number")
                                    message.tm = object.tm;
                                else if (typeof object.tm === "object")
                                    message.tm = new $util.LongBits(object.tm.low >>> 0, object.tm.high >>> 0).toNumber();
                        if (object.msgType !== 0 && (typeof object.msgType !== "string" || $root.com.bird2fish.birdtalksdk.pbmodel.ComMsgType[object.msgType] !== 0))
                            switch (object.msgType) {
                            case "MsgTUnused":
                            case 0:
                                message.msgType = 0;
                                break;
                            case "MsgTHello":
                            case 1:
                                message.msgType = 1;
                                break;
                            case "MsgTHeartBeat":
                            case 2:
                                message.msgType = 2;
                                break;
                            case "MsgTError":
                            case 3:
                                message.msgType = 3;
                                break;
                            case "MsgTKeyExchange":
                            case 4:
                                message.msgType = 4;
                                break;
                            case "MsgTChatMsg":
                            case 11:
                                message.msgType = 11;
                                break;
                            case "MsgTChatReply":
                            case 12:
                                message.msgType = 12;
                                break;
                            case "MsgTQuery":
                            case 13:
                                message.msgType = 13;
                                break;
                            case "MsgTQueryResult":
                            case 14:
                                message.msgType = 14;
                                break;
                            case "MsgTUpload":
                            case 21:
                                message.msgType = 21;
                                break;
                            case "MsgTDownload":
                            case 22:
                                message.msgType = 22;
                                break;
                            case "MsgTUploadReply":
                            case 23:
                                message.msgType = 23;
                                break;
                            case "MsgTDownloadReply":
                            case 24:
                                message.msgType = 24;
                                break;
                            case "MsgTUserOp":
                            case 31:
                                message.msgType = 31;
                                break;
                            case "MsgTUserOpRet":
                            case 32:
                                message.msgType = 32;
                                break;
                            case "MsgTFriendOp":
                            case 33:
                                message.msgType = 33;
                                break;
                            case "MsgTFriendOpRet":
                            case 34:
                                message.msgType = 34;
                                break;
                            case "MsgTGroupOp":
                            case 35:
                                message.msgType = 35;
                                break;
                            case "MsgTGroupOpRet":
                            case 36:
                                message.msgType = 36;
                                break;
                            case "MsgTOther":
                            case 100:
                                message.msgType = 100;
                                break;
                            default:
                                if (typeof object.msgType === "number" && (object.msgType | 0) === object.msgType)
                                    message.msgType = object.msgType;
                            }
                        if (object.subType != null)
                            if ($Number(object.subType) !== 0)
                                message.subType = object.subType | 0;
                        if (object.cipher != null)
                            if (typeof object.cipher === "string")
                                $util.base64.decode(object.cipher, message.cipher = $util.newBuffer($util.base64.length(object.cipher)), 0);
                            else if (object.cipher.length >= 0)
                                message.cipher = object.cipher;
                        if (object.plainMsg != null) {
                            if (!$util.isObject(object.plainMsg))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.Msg.plainMsg: object expected");
                            message.plainMsg = $root.com.bird2fish.birdtalksdk.pbmodel.MsgPlain.fromObject(object.plainMsg, _depth + 1);
                        }
                        return message;
                    };

                    Msg.toObject = function (message, options, _depth) {
                        if (!options)
                            options = {};
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var object = {};
                        if (options.defaults) {
                            object.version = 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.keyPrint = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.keyPrint = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.tm = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.tm = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            object.msgType = options.enums === $String ? "MsgTUnused" : 0;
                            object.subType = 0;
                        }
                        if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                            object.version = message.version;
                        if (message.keyPrint != null && $Object.hasOwnProperty.call(message, "keyPrint"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.keyPrint = typeof message.keyPrint === "number" ? $BigInt(message.keyPrint) : $util.Long.fromBits(message.keyPrint.low >>> 0, message.keyPrint.high >>> 0, false).toBigInt();
                            else if (typeof message.keyPrint === "number")
                                object.keyPrint = options.longs === $String ? $String(message.keyPrint) : message.keyPrint;
                            else
                                object.keyPrint = options.longs === $String ? $util.Long.prototype.toString.call(message.keyPrint) : options.longs === $Number ? new $util.LongBits(message.keyPrint.low >>> 0, message.keyPrint.high >>> 0).toNumber() : message.keyPrint;
                        if (message.tm != null && $Object.hasOwnProperty.call(message, "tm"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.tm = typeof message.tm === "number" ? $BigInt(message.tm) : $util.Long.fromBits(message.tm.low >>> 0, message.tm.high >>> 0, false).toBigInt();
                            else if (typeof message.tm === "number")
                                object.tm = options.longs === $String ? $String(message.tm) : message.tm;
                            else
                                object.tm = options.longs === $String ? $util.Long.prototype.toString.call(message.tm) : options.longs === $Number ? new $util.LongBits(message.tm.low >>> 0, message.tm.high >>> 0).toNumber() : message.tm;
                        if (message.msgType != null && $Object.hasOwnProperty.call(message, "msgType"))
                            object.msgType = options.enums === $String ? $root.com.bird2fish.birdtalksdk.pbmodel.ComMsgType[message.msgType] === $undefined ? message.msgType : $root.com.bird2fish.birdtalksdk.pbmodel.ComMsgType[message.msgType] : message.msgType;
                        if (message.subType != null && $Object.hasOwnProperty.call(message, "subType"))
                            object.subType = message.subType;
                        if (message.cipher != null && $Object.hasOwnProperty.call(message, "cipher")) {
                            object.cipher = options.bytes === $String ? $util.base64.encode(message.cipher, 0, message.cipher.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.cipher) : message.cipher;
                            if (options.oneofs)
                                object.message = "cipher";
                        }
                        if (message.plainMsg != null && $Object.hasOwnProperty.call(message, "plainMsg")) {
                            object.plainMsg = $root.com.bird2fish.birdtalksdk.pbmodel.MsgPlain.toObject(message.plainMsg, options, _depth + 1);
                            if (options.oneofs)
                                object.message = "plainMsg";
                        }
                        return object;
                    };

                    Msg.prototype.toJSON = function() {
                        return Msg.toObject(this, $protobuf.util.toJSONOptions);
                    };

                    Msg.getTypeUrl = function(prefix) {
                        if (prefix === $undefined)
                            prefix = "type.googleapis.com";
                        return prefix + "/com.bird2fish.birdtalksdk.pbmodel.Msg";
                    };

                    return Msg;
                })();

                pbmodel.UserInfo = (function() {

                    var UserInfo = function (properties) {
                        this.params = {};
                        this.privacy = {};
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    UserInfo.prototype.userId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    UserInfo.prototype.userName = "";
                    UserInfo.prototype.nickName = "";
                    UserInfo.prototype.email = "";
                    UserInfo.prototype.phone = "";
                    UserInfo.prototype.gender = "";
                    UserInfo.prototype.age = 0;
                    UserInfo.prototype.region = "";
                    UserInfo.prototype.icon = "";
                    UserInfo.prototype.intro = "";
                    UserInfo.prototype.follows = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    UserInfo.prototype.fans = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    UserInfo.prototype.params = $util.emptyObject;
                    UserInfo.prototype.privacy = $util.emptyObject;

                    UserInfo.create = function(properties) {
                        return new UserInfo(properties);
                    };

                    UserInfo.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && (typeof message.userId === "object" ? message.userId.low || message.userId.high : message.userId !== 0))
                            writer.uint32(8).int64(message.userId);
                        if (message.userName != null && $Object.hasOwnProperty.call(message, "userName") && message.userName !== "")
                            writer.uint32(18).string(message.userName);
                        if (message.nickName != null && $Object.hasOwnProperty.call(message, "nickName") && message.nickName !== "")
                            writer.uint32(26).string(message.nickName);
                        if (message.email != null && $Object.hasOwnProperty.call(message, "email") && message.email !== "")
                            writer.uint32(34).string(message.email);
                        if (message.phone != null && $Object.hasOwnProperty.call(message, "phone") && message.phone !== "")
                            writer.uint32(42).string(message.phone);
                        if (message.gender != null && $Object.hasOwnProperty.call(message, "gender") && message.gender !== "")
                            writer.uint32(50).string(message.gender);
                        if (message.age != null && $Object.hasOwnProperty.call(message, "age") && message.age !== 0)
                            writer.uint32(56).int32(message.age);
                        if (message.region != null && $Object.hasOwnProperty.call(message, "region") && message.region !== "")
                            writer.uint32(66).string(message.region);
                        if (message.icon != null && $Object.hasOwnProperty.call(message, "icon") && message.icon !== "")
                            writer.uint32(74).string(message.icon);
                        if (message.intro != null && $Object.hasOwnProperty.call(message, "intro") && message.intro !== "")
                            writer.uint32(82).string(message.intro);
                        if (message.follows != null && $Object.hasOwnProperty.call(message, "follows") && (typeof message.follows === "object" ? message.follows.low || message.follows.high : message.follows !== 0))
                            writer.uint32(88).int64(message.follows);
                        if (message.fans != null && $Object.hasOwnProperty.call(message, "fans") && (typeof message.fans === "object" ? message.fans.low || message.fans.high : message.fans !== 0))
                            writer.uint32(96).int64(message.fans);
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params"))
                            for (var keys = $Object.keys(message.params), i = 0; i < keys.length; ++i)
                                writer.uint32(162).fork().uint32(10).string(keys[i]).uint32(18).string(message.params[keys[i]]).ldelim();
                        if (message.privacy != null && $Object.hasOwnProperty.call(message, "privacy"))
                            for (var keys = $Object.keys(message.privacy), i = 0; i < keys.length; ++i)
                                writer.uint32(170).fork().uint32(10).string(keys[i]).uint32(18).string(message.privacy[keys[i]]).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    UserInfo.encodeDelimited = function(message, writer) {
                        return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                    };

                    UserInfo.decode = function (reader, length, _end, _depth, _target) {
                        if (!(reader instanceof $Reader))
                            reader = $Reader.create(reader);
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $Reader.recursionLimit)
                            throw $Error("max depth exceeded");
                        var end, message, key, value;
                        if (length === $undefined)
                            end = reader.len;
                        else {
                            end = reader.pos + length;
                            if (end > reader.len)
                                throw $RangeError("index out of range");
                            length = reader.len;
                            reader.len = end;
                        }
                        message = _target || new $root.com.bird2fish.birdtalksdk.pbmodel.UserInfo();
                        while (reader.pos < end) {
                            var start = reader.pos;
                            var tag = reader.tag();
                            if (tag === _end) {
                                _end = $undefined;
                                break;
                            }
                            var wireType = tag & 7;
                            switch (tag >>>= 3) {
                            case 1: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.userId = value;
                                    else
                                        delete message.userId;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.userName = value;
                                    else
                                        delete message.userName;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.nickName = value;
                                    else
                                        delete message.nickName;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.email = value;
                                    else
                                        delete message.email;
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.phone = value;
                                    else
                                        delete message.phone;
                                    continue;
                                }
                            case 6: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.gender = value;
                                    else
                                        delete message.gender;
                                    continue;
                                }
                            case 7: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.age = value;
                                    else
                                        delete message.age;
                                    continue;
                                }
                            case 8: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.region = value;
                                    else
                                        delete message.region;
                                    continue;
                                }
                            case 9: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.icon = value;
                                    else
                                        delete message.icon;
                                    continue;
                                }
                            case 10: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.intro = value;
                                    else
                                        delete message.intro;
                                    continue;
                                }
                            case 11: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.follows = value;
                                    else
                                        delete message.follows;
                                    continue;
                                }
                            case 12: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.fans = value;
                                    else
                                        delete message.fans;
                                    continue;
                                }
                            case 20: {
                                    if (wireType !== 2)
                                        break;
                                    if (message.params === $util.emptyObject)
                                        message.params = {};
                                    var end2 = reader.size() + reader.pos;
                                    if (end2 > reader.len)
                                        throw $RangeError("index out of range");
                                    reader.len = end2;
                                    key = "";
                                    value = "";
                                    while (reader.pos < end2) {
                                        var tag2 = reader.tag();
                                        wireType = tag2 & 7;
                                        switch (tag2 >>>= 3) {
                                        case 1:
                                            if (wireType !== 2)
                                                break;
                                            key = reader.stringVerify();
                                            continue;
                                        case 2:
                                            if (wireType !== 2)
                                                break;
                                            value = reader.stringVerify();
                                            continue;
                                        }
                                        reader.skipType(wireType, _depth, tag2);
                                    }
                                    if (reader.pos !== end2)
                                        throw $RangeError("index out of range");
                                    reader.len = end;
                                    if (key === "__proto__")
                                        $util.makeProp(message.params, key);
                                    message.params[key] = value;
                                    continue;
                                }
                            case 21: {
                                    if (wireType !== 2)
                                        break;
                                    if (message.privacy === $util.emptyObject)
                                        message.privacy = {};
                                    var end2 = reader.size() + reader.pos;
                                    if (end2 > reader.len)
                                        throw $RangeError("index out of range");
                                    reader.len = end2;
                                    key = "";
                                    value = "";
                                    while (reader.pos < end2) {
                                        var tag2 = reader.tag();
                                        wireType = tag2 & 7;
                                        switch (tag2 >>>= 3) {
                                        case 1:
                                            if (wireType !== 2)
                                                break;
                                            key = reader.stringVerify();
                                            continue;
                                        case 2:
                                            if (wireType !== 2)
                                                break;
                                            value = reader.stringVerify();
                                            continue;
                                        }
                                        reader.skipType(wireType, _depth, tag2);
                                    }
                                    if (reader.pos !== end2)
                                        throw $RangeError("index out of range");
                                    reader.len = end;
                                    if (key === "__proto__")
                                        $util.makeProp(message.privacy, key);
                                    message.privacy[key] = value;
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

                    UserInfo.decodeDelimited = function(reader) {
                        if (!(reader instanceof $Reader))
                            reader = new $Reader(reader);
                        return this.decode(reader, reader.size());
                    };

                    UserInfo.verify = function (message, _depth) {
                        if (typeof message !== "object" || message === null)
                            return "object expected";
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            return "max depth exceeded";
                        if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                            if (!$util.isInteger(message.userId) && !(message.userId && $util.isInteger(message.userId.low) && $util.isInteger(message.userId.high)))
                                return "userId: integer|Long expected";
                        if (message.userName != null && $Object.hasOwnProperty.call(message, "userName"))
                            if (!$util.isString(message.userName))
                                return "userName: string expected";
                        if (message.nickName != null && $Object.hasOwnProperty.call(message, "nickName"))
                            if (!$util.isString(message.nickName))
                                return "nickName: string expected";
                        if (message.email != null && $Object.hasOwnProperty.call(message, "email"))
                            if (!$util.isString(message.email))
                                return "email: string expected";
                        if (message.phone != null && $Object.hasOwnProperty.call(message, "phone"))
                            if (!$util.isString(message.phone))
                                return "phone: string expected";
                        if (message.gender != null && $Object.hasOwnProperty.call(message, "gender"))
                            if (!$util.isString(message.gender))
                                return "gender: string expected";
                        if (message.age != null && $Object.hasOwnProperty.call(message, "age"))
                            if (!$util.isInteger(message.age))
                                return "age: integer expected";
                        if (message.region != null && $Object.hasOwnProperty.call(message, "region"))
                            if (!$util.isString(message.region))
                                return "region: string expected";
                        if (message.icon != null && $Object.hasOwnProperty.call(message, "icon"))
                            if (!$util.isString(message.icon))
                                return "icon: string expected";
                        if (message.intro != null && $Object.hasOwnProperty.call(message, "intro"))
                            if (!$util.isString(message.intro))
                                return "intro: string expected";
                        if (message.follows != null && $Object.hasOwnProperty.call(message, "follows"))
                            if (!$util.isInteger(message.follows) && !(message.follows && $util.isInteger(message.follows.low) && $util.isInteger(message.follows.high)))
                                return "follows: integer|Long expected";
                        if (message.fans != null && $Object.hasOwnProperty.call(message, "fans"))
                            if (!$util.isInteger(message.fans) && !(message.fans && $util.isInteger(message.fans.low) && $util.isInteger(message.fans.high)))
                                return "fans: integer|Long expected";
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params")) {
                            if (!$util.isObject(message.params))
                                return "params: object expected";
                            var key = $Object.keys(message.params);
                            for (var i = 0; i < key.length; ++i)
                                if (!$util.isString(message.params[key[i]]))
                                    return "params: string{k:string} expected";
                        }
                        if (message.privacy != null && $Object.hasOwnProperty.call(message, "privacy")) {
                            if (!$util.isObject(message.privacy))
                                return "privacy: object expected";
                            var key = $Object.keys(message.privacy);
                            for (var i = 0; i < key.length; ++i)
                                if (!$util.isString(message.privacy[key[i]]))
                                    return "privacy: string{k:string} expected";
                        }
                        return null;
                    };

                    UserInfo.fromObject = function (object, _depth) {
                        if (object instanceof $root.com.bird2fish.birdtalksdk.pbmodel.UserInfo)
                            return object;
                        if (!$util.isObject(object))
                            throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.UserInfo: object expected");
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var message = new $root.com.bird2fish.birdtalksdk.pbmodel.UserInfo();
                        if (object.userId != null)
                            if (typeof object.userId === "object" ? object.userId.low || object.userId.high : $Number(object.userId) !== 0)
                                if ($util.Long)
                                    message.userId = $util.Long.fromValue(object.userId, false);
                                else if (typeof object.userId === "string")
                                    message.userId = $parseInt(object.userId, 10);
                                else if (typeof object.userId === "number")
                                    message.userId = object.userId;
                                else if (typeof object.userId === "object")
                                    message.userId = new $util.LongBits(object.userId.low >>> 0, object.userId.high >>> 0).toNumber();
                        if (object.userName != null)
                            if (typeof object.userName !== "string" || object.userName.length)
                                message.userName = $String(object.userName);
                        if (object.nickName != null)
                            if (typeof object.nickName !== "string" || object.nickName.length)
                                message.nickName = $String(object.nickName);
                        if (object.email != null)
                            if (typeof object.email !== "string" || object.email.length)
                                message.email = $String(object.email);
                        if (object.phone != null)
                            if (typeof object.phone !== "string" || object.phone.length)
                                message.phone = $String(object.phone);
                        if (object.gender != null)
                            if (typeof object.gender !== "string" || object.gender.length)
                                message.gender = $String(object.gender);
                        if (object.age != null)
                            if ($Number(object.age) !== 0)
                                message.age = object.age | 0;
                        if (object.region != null)
                            if (typeof object.region !== "string" || object.region.length)
                                message.region = $String(object.region);
                        if (object.icon != null)
                            if (typeof object.icon !== "string" || object.icon.length)
                                message.icon = $String(object.icon);
                        if (object.intro != null)
                            if (typeof object.intro !== "string" || object.intro.length)
                                message.intro = $String(object.intro);
                        if (object.follows != null)
                            if (typeof object.follows === "object" ? object.follows.low || object.follows.high : $Number(object.follows) !== 0)
                                if ($util.Long)
                                    message.follows = $util.Long.fromValue(object.follows, false);
                                else if (typeof object.follows === "string")
                                    message.follows = $parseInt(object.follows, 10);
                                else if (typeof object.follows === "number")
                                    message.follows = object.follows;
                                else if (typeof object.follows === "object")
                                    message.follows = new $util.LongBits(object.follows.low >>> 0, object.follows.high >>> 0).toNumber();
                        if (object.fans != null)
                            if (typeof object.fans === "object" ? object.fans.low || object.fans.high : $Number(object.fans) !== 0)
                                if ($util.Long)
                                    message.fans = $util.Long.fromValue(object.fans, false);
                                else if (typeof object.fans === "string")
                                    message.fans = $parseInt(object.fans, 10);
                                else if (typeof object.fans === "number")
                                    message.fans = object.fans;
                                else if (typeof object.fans === "object")
                                    message.fans = new $util.LongBits(object.fans.low >>> 0, object.fans.high >>> 0).toNumber();
                        if (object.params) {
                            if (!$util.isObject(object.params))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.UserInfo.params: object expected");
                            message.params = {};
                            for (var keys = $Object.keys(object.params), i = 0; i < keys.length; ++i) {
                                if (keys[i] === "__proto__")
                                    $util.makeProp(message.params, keys[i]);
                                message.params[keys[i]] = $String(object.params[keys[i]]);
                            }
                        }
                        if (object.privacy) {
                            if (!$util.isObject(object.privacy))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.UserInfo.privacy: object expected");
                            message.privacy = {};
                            for (var keys = $Object.keys(object.privacy), i = 0; i < keys.length; ++i) {
                                if (keys[i] === "__proto__")
                                    $util.makeProp(message.privacy, keys[i]);
                                message.privacy[keys[i]] = $String(object.privacy[keys[i]]);
                            }
                        }
                        return message;
                    };

                    UserInfo.toObject = function (message, options, _depth) {
                        if (!options)
                            options = {};
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var object = {};
                        if (options.objects || options.defaults) {
                            object.params = {};
                            object.privacy = {};
                        }
                        if (options.defaults) {
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.userId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.userId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            object.userName = "";
                            object.nickName = "";
                            object.email = "";
                            object.phone = "";
                            object.gender = "";
                            object.age = 0;
                            object.region = "";
                            object.icon = "";
                            object.intro = "";
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.follows = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.follows = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.fans = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.fans = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        }
                        if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.userId = typeof message.userId === "number" ? $BigInt(message.userId) : $util.Long.fromBits(message.userId.low >>> 0, message.userId.high >>> 0, false).toBigInt();
                            else if (typeof message.userId === "number")
                                object.userId = options.longs === $String ? $String(message.userId) : message.userId;
                            else
                                object.userId = options.longs === $String ? $util.Long.prototype.toString.call(message.userId) : options.longs === $Number ? new $util.LongBits(message.userId.low >>> 0, message.userId.high >>> 0).toNumber() : message.userId;
                        if (message.userName != null && $Object.hasOwnProperty.call(message, "userName"))
                            object.userName = message.userName;
                        if (message.nickName != null && $Object.hasOwnProperty.call(message, "nickName"))
                            object.nickName = message.nickName;
                        if (message.email != null && $Object.hasOwnProperty.call(message, "email"))
                            object.email = message.email;
                        if (message.phone != null && $Object.hasOwnProperty.call(message, "phone"))
                            object.phone = message.phone;
                        if (message.gender != null && $Object.hasOwnProperty.call(message, "gender"))
                            object.gender = message.gender;
                        if (message.age != null && $Object.hasOwnProperty.call(message, "age"))
                            object.age = message.age;
                        if (message.region != null && $Object.hasOwnProperty.call(message, "region"))
                            object.region = message.region;
                        if (message.icon != null && $Object.hasOwnProperty.call(message, "icon"))
                            object.icon = message.icon;
                        if (message.intro != null && $Object.hasOwnProperty.call(message, "intro"))
                            object.intro = message.intro;
                        if (message.follows != null && $Object.hasOwnProperty.call(message, "follows"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.follows = typeof message.follows === "number" ? $BigInt(message.follows) : $util.Long.fromBits(message.follows.low >>> 0, message.follows.high >>> 0, false).toBigInt();
                            else if (typeof message.follows === "number")
                                object.follows = options.longs === $String ? $String(message.follows) : message.follows;
                            else
                                object.follows = options.longs === $String ? $util.Long.prototype.toString.call(message.follows) : options.longs === $Number ? new $util.LongBits(message.follows.low >>> 0, message.follows.high >>> 0).toNumber() : message.follows;
                        if (message.fans != null && $Object.hasOwnProperty.call(message, "fans"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.fans = typeof message.fans === "number" ? $BigInt(message.fans) : $util.Long.fromBits(message.fans.low >>> 0, message.fans.high >>> 0, false).toBigInt();
                            else if (typeof message.fans === "number")
                                object.fans = options.longs === $String ? $String(message.fans) : message.fans;
                            else
                                object.fans = options.longs === $String ? $util.Long.prototype.toString.call(message.fans) : options.longs === $Number ? new $util.LongBits(message.fans.low >>> 0, message.fans.high >>> 0).toNumber() : message.fans;
                        var keys2;
                        if (message.params && (keys2 = $Object.keys(message.params)).length) {
                            object.params = {};
                            for (var j = 0; j < keys2.length; ++j) {
                                if (keys2[j] === "__proto__")
                                    $util.makeProp(object.params, keys2[j]);
                                object.params[keys2[j]] = message.params[keys2[j]];
                            }
                        }
                        if (message.privacy && (keys2 = $Object.keys(message.privacy)).length) {
                            object.privacy = {};
                            for (var j = 0; j < keys2.length; ++j) {
                                if (keys2[j] === "__proto__")
                                    $util.makeProp(object.privacy, keys2[j]);
                                object.privacy[keys2[j]] = message.privacy[keys2[j]];
                            }
                        }
                        return object;
                    };

                    UserInfo.prototype.toJSON = function() {
                        return UserInfo.toObject(this, $protobuf.util.toJSONOptions);
                    };

                    UserInfo.getTypeUrl = function(prefix) {
                        if (prefix === $undefined)
                            prefix = "type.googleapis.com";
                        return prefix + "/com.bird2fish.birdtalksdk.pbmodel.UserInfo";
                    };

                    return UserInfo;
                })();

                pbmodel.UserOperationType = (function() {
                    var valuesById = $Object.create(null), values = $Object.create(valuesById);
                    values[valuesById[0] = "UserNoneAction"] = 0;
                    values[valuesById[1] = "RegisterUser"] = 1;
                    values[valuesById[2] = "UnregisterUser"] = 2;
                    values[valuesById[3] = "DisableUser"] = 3;
                    values[valuesById[4] = "RecoverUser"] = 4;
                    values[valuesById[5] = "SetUserInfo"] = 5;
                    values[valuesById[6] = "RealNameVerification"] = 6;
                    values[valuesById[7] = "Login"] = 7;
                    values[valuesById[8] = "Logout"] = 8;
                    values[valuesById[9] = "FindUser"] = 9;
                    values[valuesById[10] = "AddFriend"] = 10;
                    values[valuesById[11] = "ApproveFriend"] = 11;
                    values[valuesById[12] = "RemoveFriend"] = 12;
                    values[valuesById[13] = "BlockFriend"] = 13;
                    values[valuesById[14] = "UnBlockFriend"] = 14;
                    values[valuesById[15] = "SetFriendPermission"] = 15;
                    values[valuesById[16] = "SetFriendMemo"] = 16;
                    values[valuesById[17] = "ListFriends"] = 17;
                    return values;
                })();

                pbmodel.UserOpReq = (function() {

                    var UserOpReq = function (properties) {
                        this.params = {};
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    UserOpReq.prototype.operation = 0;
                    UserOpReq.prototype.user = null;
                    UserOpReq.prototype.sendId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    UserOpReq.prototype.msgId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    UserOpReq.prototype.params = $util.emptyObject;

                    UserOpReq.create = function(properties) {
                        return new UserOpReq(properties);
                    };

                    UserOpReq.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.operation != null && $Object.hasOwnProperty.call(message, "operation") && message.operation !== 0)
                            writer.uint32(8).int32(message.operation);
                        if (message.user != null && $Object.hasOwnProperty.call(message, "user"))
                            $root.com.bird2fish.birdtalksdk.pbmodel.UserInfo.encode(message.user, writer.uint32(18).fork(), _depth + 1).ldelim();
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId") && (typeof message.sendId === "object" ? message.sendId.low || message.sendId.high : message.sendId !== 0))
                            writer.uint32(24).int64(message.sendId);
                        if (message.msgId != null && $Object.hasOwnProperty.call(message, "msgId") && (typeof message.msgId === "object" ? message.msgId.low || message.msgId.high : message.msgId !== 0))
                            writer.uint32(32).int64(message.msgId);
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params"))
                            for (var keys = $Object.keys(message.params), i = 0; i < keys.length; ++i)
                                writer.uint32(42).fork().uint32(10).string(keys[i]).uint32(18).string(message.params[keys[i]]).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    UserOpReq.encodeDelimited = function(message, writer) {
                        return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                    };

                    UserOpReq.decode = function (reader, length, _end, _depth, _target) {
                        if (!(reader instanceof $Reader))
                            reader = $Reader.create(reader);
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $Reader.recursionLimit)
                            throw $Error("max depth exceeded");
                        var end, message, key, value;
                        if (length === $undefined)
                            end = reader.len;
                        else {
                            end = reader.pos + length;
                            if (end > reader.len)
                                throw $RangeError("index out of range");
                            length = reader.len;
                            reader.len = end;
                        }
                        message = _target || new $root.com.bird2fish.birdtalksdk.pbmodel.UserOpReq();
                        while (reader.pos < end) {
                            var start = reader.pos;
                            var tag = reader.tag();
                            if (tag === _end) {
                                _end = $undefined;
                                break;
                            }
                            var wireType = tag & 7;
                            switch (tag >>>= 3) {
                            case 1: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.operation = value;
                                    else
                                        delete message.operation;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    message.user = $root.com.bird2fish.birdtalksdk.pbmodel.UserInfo.decode(reader, reader.size(), $undefined, _depth + 1, message.user);
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.sendId = value;
                                    else
                                        delete message.sendId;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.msgId = value;
                                    else
                                        delete message.msgId;
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 2)
                                        break;
                                    if (message.params === $util.emptyObject)
                                        message.params = {};
                                    var end2 = reader.size() + reader.pos;
                                    if (end2 > reader.len)
                                        throw $RangeError("index out of range");
                                    reader.len = end2;
                                    key = "";
                                    value = "";
                                    while (reader.pos < end2) {
                                        var tag2 = reader.tag();
                                        wireType = tag2 & 7;
                                        switch (tag2 >>>= 3) {
                                        case 1:
                                            if (wireType !== 2)
                                                break;
                                            key = reader.stringVerify();
                                            continue;
                                        case 2:
                                            if (wireType !== 2)
                                                break;
                                            value = reader.stringVerify();
                                            continue;
                                        }
                                        reader.skipType(wireType, _depth, tag2);
                                    }
                                    if (reader.pos !== end2)
                                        throw $RangeError("index out of range");
                                    reader.len = end;
                                    if (key === "__proto__")
                                        $util.makeProp(message.params, key);
                                    message.params[key] = value;
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

                    UserOpReq.decodeDelimited = function(reader) {
                        if (!(reader instanceof $Reader))
                            reader = new $Reader(reader);
                        return this.decode(reader, reader.size());
                    };

                    UserOpReq.verify = function (message, _depth) {
                        if (typeof message !== "object" || message === null)
                            return "object expected";
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            return "max depth exceeded";
                        if (message.operation != null && $Object.hasOwnProperty.call(message, "operation"))
                            if (typeof message.operation !== "number" || (message.operation | 0) !== message.operation)
                                return "operation: enum value expected";
                        if (message.user != null && $Object.hasOwnProperty.call(message, "user")) {
                            var error = $root.com.bird2fish.birdtalksdk.pbmodel.UserInfo.verify(message.user, _depth + 1);
                            if (error)
                                return "user." + error;
                        }
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId"))
                            if (!$util.isInteger(message.sendId) && !(message.sendId && $util.isInteger(message.sendId.low) && $util.isInteger(message.sendId.high)))
                                return "sendId: integer|Long expected";
                        if (message.msgId != null && $Object.hasOwnProperty.call(message, "msgId"))
                            if (!$util.isInteger(message.msgId) && !(message.msgId && $util.isInteger(message.msgId.low) && $util.isInteger(message.msgId.high)))
                                return "msgId: integer|Long expected";
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params")) {
                            if (!$util.isObject(message.params))
                                return "params: object expected";
                            var key = $Object.keys(message.params);
                            for (var i = 0; i < key.length; ++i)
                                if (!$util.isString(message.params[key[i]]))
                                    return "params: string{k:string} expected";
                        }
                        return null;
                    };

                    UserOpReq.fromObject = function (object, _depth) {
                        if (object instanceof $root.com.bird2fish.birdtalksdk.pbmodel.UserOpReq)
                            return object;
                        if (!$util.isObject(object))
                            throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.UserOpReq: object expected");
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var message = new $root.com.bird2fish.birdtalksdk.pbmodel.UserOpReq();
                        if (object.operation !== 0 && (typeof object.operation !== "string" || $root.com.bird2fish.birdtalksdk.pbmodel.UserOperationType[object.operation] !== 0))
                            switch (object.operation) {
                            case "UserNoneAction":
                            case 0:
                                message.operation = 0;
                                break;
                            case "RegisterUser":
                            case 1:
                                message.operation = 1;
                                break;
                            case "UnregisterUser":
                            case 2:
                                message.operation = 2;
                                break;
                            case "DisableUser":
                            case 3:
                                message.operation = 3;
                                break;
                            case "RecoverUser":
                            case 4:
                                message.operation = 4;
                                break;
                            case "SetUserInfo":
                            case 5:
                                message.operation = 5;
                                break;
                            case "RealNameVerification":
                            case 6:
                                message.operation = 6;
                                break;
                            case "Login":
                            case 7:
                                message.operation = 7;
                                break;
                            case "Logout":
                            case 8:
                                message.operation = 8;
                                break;
                            case "FindUser":
                            case 9:
                                message.operation = 9;
                                break;
                            case "AddFriend":
                            case 10:
                                message.operation = 10;
                                break;
                            case "ApproveFriend":
                            case 11:
                                message.operation = 11;
                                break;
                            case "RemoveFriend":
                            case 12:
                                message.operation = 12;
                                break;
                            case "BlockFriend":
                            case 13:
                                message.operation = 13;
                                break;
                            case "UnBlockFriend":
                            case 14:
                                message.operation = 14;
                                break;
                            case "SetFriendPermission":
                            case 15:
                                message.operation = 15;
                                break;
                            case "SetFriendMemo":
                            case 16:
                                message.operation = 16;
                                break;
                            case "ListFriends":
                            case 17:
                                message.operation = 17;
                                break;
                            default:
                                if (typeof object.operation === "number" && (object.operation | 0) === object.operation)
                                    message.operation = object.operation;
                            }
                        if (object.user != null) {
                            if (!$util.isObject(object.user))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.UserOpReq.user: object expected");
                            message.user = $root.com.bird2fish.birdtalksdk.pbmodel.UserInfo.fromObject(object.user, _depth + 1);
                        }
                        if (object.sendId != null)
                            if (typeof object.sendId === "object" ? object.sendId.low || object.sendId.high : $Number(object.sendId) !== 0)
                                if ($util.Long)
                                    message.sendId = $util.Long.fromValue(object.sendId, false);
                                else if (typeof object.sendId === "string")
                                    message.sendId = $parseInt(object.sendId, 10);
                                else if (typeof object.sendId === "number")
                                    message.sendId = object.sendId;
                                else if (typeof object.sendId === "object")
                                    message.sendId = new $util.LongBits(object.sendId.low >>> 0, object.sendId.high >>> 0).toNumber();
                        if (object.msgId != null)
                            if (typeof object.msgId === "object" ? object.msgId.low || object.msgId.high : $Number(object.msgId) !== 0)
                                if ($util.Long)
                                    message.msgId = $util.Long.fromValue(object.msgId, false);
                                else if (typeof object.msgId === "string")
                                    message.msgId = $parseInt(object.msgId, 10);
                                else if (typeof object.msgId === "number")
                                    message.msgId = object.msgId;
                                else if (typeof object.msgId === "object")
                                    message.msgId = new $util.LongBits(object.msgId.low >>> 0, object.msgId.high >>> 0).toNumber();
                        if (object.params) {
                            if (!$util.isObject(object.params))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.UserOpReq.params: object expected");
                            message.params = {};
                            for (var keys = $Object.keys(object.params), i = 0; i < keys.length; ++i) {
                                if (keys[i] === "__proto__")
                                    $util.makeProp(message.params, keys[i]);
                                message.params[keys[i]] = $String(object.params[keys[i]]);
                            }
                        }
                        return message;
                    };

                    UserOpReq.toObject = function (message, options, _depth) {
                        if (!options)
                            options = {};
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var object = {};
                        if (options.objects || options.defaults)
                            object.params = {};
                        if (options.defaults) {
                            object.operation = options.enums === $String ? "UserNoneAction" : 0;
                            object.user = null;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.sendId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.sendId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.msgId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.msgId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        }
                        if (message.operation != null && $Object.hasOwnProperty.call(message, "operation"))
                            object.operation = options.enums === $String ? $root.com.bird2fish.birdtalksdk.pbmodel.UserOperationType[message.operation] === $undefined ? message.operation : $root.com.bird2fish.birdtalksdk.pbmodel.UserOperationType[message.operation] : message.operation;
                        if (message.user != null && $Object.hasOwnProperty.call(message, "user"))
                            object.user = $root.com.bird2fish.birdtalksdk.pbmodel.UserInfo.toObject(message.user, options, _depth + 1);
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.sendId = typeof message.sendId === "number" ? $BigInt(message.sendId) : $util.Long.fromBits(message.sendId.low >>> 0, message.sendId.high >>> 0, false).toBigInt();
                            else if (typeof message.sendId === "number")
                                object.sendId = options.longs === $String ? $String(message.sendId) : message.sendId;
                            else
                                object.sendId = options.longs === $String ? $util.Long.prototype.toString.call(message.sendId) : options.longs === $Number ? new $util.LongBits(message.sendId.low >>> 0, message.sendId.high >>> 0).toNumber() : message.sendId;
                        if (message.msgId != null && $Object.hasOwnProperty.call(message, "msgId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.msgId = typeof message.msgId === "number" ? $BigInt(message.msgId) : $util.Long.fromBits(message.msgId.low >>> 0, message.msgId.high >>> 0, false).toBigInt();
                            else if (typeof message.msgId === "number")
                                object.msgId = options.longs === $String ? $String(message.msgId) : message.msgId;
                            else
                                object.msgId = options.longs === $String ? $util.Long.prototype.toString.call(message.msgId) : options.longs === $Number ? new $util.LongBits(message.msgId.low >>> 0, message.msgId.high >>> 0).toNumber() : message.msgId;
                        var keys2;
                        if (message.params && (keys2 = $Object.keys(message.params)).length) {
                            object.params = {};
                            for (var j = 0; j < keys2.length; ++j) {
                                if (keys2[j] === "__proto__")
                                    $util.makeProp(object.params, keys2[j]);
                                object.params[keys2[j]] = message.params[keys2[j]];
                            }
                        }
                        return object;
                    };

                    UserOpReq.prototype.toJSON = function() {
                        return UserOpReq.toObject(this, $protobuf.util.toJSONOptions);
                    };

                    UserOpReq.getTypeUrl = function(prefix) {
                        if (prefix === $undefined)
                            prefix = "type.googleapis.com";
                        return prefix + "/com.bird2fish.birdtalksdk.pbmodel.UserOpReq";
                    };

                    return UserOpReq;
                })();

                pbmodel.UserOpResult = (function() {

                    var UserOpResult = function (properties) {
                        this.users = [];
                        this.params = {};
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    UserOpResult.prototype.operation = 0;
                    UserOpResult.prototype.result = "";
                    UserOpResult.prototype.status = "";
                    UserOpResult.prototype.users = $util.emptyArray;
                    UserOpResult.prototype.params = $util.emptyObject;

                    UserOpResult.create = function(properties) {
                        return new UserOpResult(properties);
                    };

                    UserOpResult.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.operation != null && $Object.hasOwnProperty.call(message, "operation") && message.operation !== 0)
                            writer.uint32(8).int32(message.operation);
                        if (message.result != null && $Object.hasOwnProperty.call(message, "result") && message.result !== "")
                            writer.uint32(18).string(message.result);
                        if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== "")
                            writer.uint32(26).string(message.status);
                        if (message.users != null && message.users.length)
                            for (var i = 0; i < message.users.length; ++i)
                                $root.com.bird2fish.birdtalksdk.pbmodel.UserInfo.encode(message.users[i], writer.uint32(34).fork(), _depth + 1).ldelim();
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params"))
                            for (var keys = $Object.keys(message.params), i = 0; i < keys.length; ++i)
                                writer.uint32(42).fork().uint32(10).string(keys[i]).uint32(18).string(message.params[keys[i]]).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    UserOpResult.encodeDelimited = function(message, writer) {
                        return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                    };

                    UserOpResult.decode = function (reader, length, _end, _depth, _target) {
                        if (!(reader instanceof $Reader))
                            reader = $Reader.create(reader);
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $Reader.recursionLimit)
                            throw $Error("max depth exceeded");
                        var end, message, key, value;
                        if (length === $undefined)
                            end = reader.len;
                        else {
                            end = reader.pos + length;
                            if (end > reader.len)
                                throw $RangeError("index out of range");
                            length = reader.len;
                            reader.len = end;
                        }
                        message = _target || new $root.com.bird2fish.birdtalksdk.pbmodel.UserOpResult();
                        while (reader.pos < end) {
                            var start = reader.pos;
                            var tag = reader.tag();
                            if (tag === _end) {
                                _end = $undefined;
                                break;
                            }
                            var wireType = tag & 7;
                            switch (tag >>>= 3) {
                            case 1: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.operation = value;
                                    else
                                        delete message.operation;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.result = value;
                                    else
                                        delete message.result;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.status = value;
                                    else
                                        delete message.status;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.users && message.users.length))
                                        message.users = [];
                                    message.users.push($root.com.bird2fish.birdtalksdk.pbmodel.UserInfo.decode(reader, reader.size(), $undefined, _depth + 1));
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 2)
                                        break;
                                    if (message.params === $util.emptyObject)
                                        message.params = {};
                                    var end2 = reader.size() + reader.pos;
                                    if (end2 > reader.len)
                                        throw $RangeError("index out of range");
                                    reader.len = end2;
                                    key = "";
                                    value = "";
                                    while (reader.pos < end2) {
                                        var tag2 = reader.tag();
                                        wireType = tag2 & 7;
                                        switch (tag2 >>>= 3) {
                                        case 1:
                                            if (wireType !== 2)
                                                break;
                                            key = reader.stringVerify();
                                            continue;
                                        case 2:
                                            if (wireType !== 2)
                                                break;
                                            value = reader.stringVerify();
                                            continue;
                                        }
                                        reader.skipType(wireType, _depth, tag2);
                                    }
                                    if (reader.pos !== end2)
                                        throw $RangeError("index out of range");
                                    reader.len = end;
                                    if (key === "__proto__")
                                        $util.makeProp(message.params, key);
                                    message.params[key] = value;
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

                    UserOpResult.decodeDelimited = function(reader) {
                        if (!(reader instanceof $Reader))
                            reader = new $Reader(reader);
                        return this.decode(reader, reader.size());
                    };

                    UserOpResult.verify = function (message, _depth) {
                        if (typeof message !== "object" || message === null)
                            return "object expected";
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            return "max depth exceeded";
                        if (message.operation != null && $Object.hasOwnProperty.call(message, "operation"))
                            if (typeof message.operation !== "number" || (message.operation | 0) !== message.operation)
                                return "operation: enum value expected";
                        if (message.result != null && $Object.hasOwnProperty.call(message, "result"))
                            if (!$util.isString(message.result))
                                return "result: string expected";
                        if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                            if (!$util.isString(message.status))
                                return "status: string expected";
                        if (message.users != null && $Object.hasOwnProperty.call(message, "users")) {
                            if (!$Array.isArray(message.users))
                                return "users: array expected";
                            for (var i = 0; i < message.users.length; ++i) {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.UserInfo.verify(message.users[i], _depth + 1);
                                if (error)
                                    return "users." + error;
                            }
                        }
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params")) {
                            if (!$util.isObject(message.params))
                                return "params: object expected";
                            var key = $Object.keys(message.params);
                            for (var i = 0; i < key.length; ++i)
                                if (!$util.isString(message.params[key[i]]))
                                    return "params: string{k:string} expected";
                        }
                        return null;
                    };

                    UserOpResult.fromObject = function (object, _depth) {
                        if (object instanceof $root.com.bird2fish.birdtalksdk.pbmodel.UserOpResult)
                            return object;
                        if (!$util.isObject(object))
                            throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.UserOpResult: object expected");
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var message = new $root.com.bird2fish.birdtalksdk.pbmodel.UserOpResult();
                        if (object.operation !== 0 && (typeof object.operation !== "string" || $root.com.bird2fish.birdtalksdk.pbmodel.UserOperationType[object.operation] !== 0))
                            switch (object.operation) {
                            case "UserNoneAction":
                            case 0:
                                message.operation = 0;
                                break;
                            case "RegisterUser":
                            case 1:
                                message.operation = 1;
                                break;
                            case "UnregisterUser":
                            case 2:
                                message.operation = 2;
                                break;
                            case "DisableUser":
                            case 3:
                                message.operation = 3;
                                break;
                            case "RecoverUser":
                            case 4:
                                message.operation = 4;
                                break;
                            case "SetUserInfo":
                            case 5:
                                message.operation = 5;
                                break;
                            case "RealNameVerification":
                            case 6:
                                message.operation = 6;
                                break;
                            case "Login":
                            case 7:
                                message.operation = 7;
                                break;
                            case "Logout":
                            case 8:
                                message.operation = 8;
                                break;
                            case "FindUser":
                            case 9:
                                message.operation = 9;
                                break;
                            case "AddFriend":
                            case 10:
                                message.operation = 10;
                                break;
                            case "ApproveFriend":
                            case 11:
                                message.operation = 11;
                                break;
                            case "RemoveFriend":
                            case 12:
                                message.operation = 12;
                                break;
                            case "BlockFriend":
                            case 13:
                                message.operation = 13;
                                break;
                            case "UnBlockFriend":
                            case 14:
                                message.operation = 14;
                                break;
                            case "SetFriendPermission":
                            case 15:
                                message.operation = 15;
                                break;
                            case "SetFriendMemo":
                            case 16:
                                message.operation = 16;
                                break;
                            case "ListFriends":
                            case 17:
                                message.operation = 17;
                                break;
                            default:
                                if (typeof object.operation === "number" && (object.operation | 0) === object.operation)
                                    message.operation = object.operation;
                            }
                        if (object.result != null)
                            if (typeof object.result !== "string" || object.result.length)
                                message.result = $String(object.result);
                        if (object.status != null)
                            if (typeof object.status !== "string" || object.status.length)
                                message.status = $String(object.status);
                        if (object.users) {
                            if (!$Array.isArray(object.users))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.UserOpResult.users: array expected");
                            message.users = $Array(object.users.length);
                            for (var i = 0; i < object.users.length; ++i) {
                                if (!$util.isObject(object.users[i]))
                                    throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.UserOpResult.users: object expected");
                                message.users[i] = $root.com.bird2fish.birdtalksdk.pbmodel.UserInfo.fromObject(object.users[i], _depth + 1);
                            }
                        }
                        if (object.params) {
                            if (!$util.isObject(object.params))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.UserOpResult.params: object expected");
                            message.params = {};
                            for (var keys = $Object.keys(object.params), i = 0; i < keys.length; ++i) {
                                if (keys[i] === "__proto__")
                                    $util.makeProp(message.params, keys[i]);
                                message.params[keys[i]] = $String(object.params[keys[i]]);
                            }
                        }
                        return message;
                    };

                    UserOpResult.toObject = function (message, options, _depth) {
                        if (!options)
                            options = {};
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var object = {};
                        if (options.arrays || options.defaults)
                            object.users = [];
                        if (options.objects || options.defaults)
                            object.params = {};
                        if (options.defaults) {
                            object.operation = options.enums === $String ? "UserNoneAction" : 0;
                            object.result = "";
                            object.status = "";
                        }
                        if (message.operation != null && $Object.hasOwnProperty.call(message, "operation"))
                            object.operation = options.enums === $String ? $root.com.bird2fish.birdtalksdk.pbmodel.UserOperationType[message.operation] === $undefined ? message.operation : $root.com.bird2fish.birdtalksdk.pbmodel.UserOperationType[message.operation] : message.operation;
                        if (message.result != null && $Object.hasOwnProperty.call(message, "result"))
                            object.result = message.result;
                        if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                            object.status = message.status;
                        if (message.users && message.users.length) {
                            object.users = $Array(message.users.length);
                            for (var j = 0; j < message.users.length; ++j)
                                object.users[j] = $root.com.bird2fish.birdtalksdk.pbmodel.UserInfo.toObject(message.users[j], options, _depth + 1);
                        }
                        var keys2;
                        if (message.params && (keys2 = $Object.keys(message.params)).length) {
                            object.params = {};
                            for (var j = 0; j < keys2.length; ++j) {
                                if (keys2[j] === "__proto__")
                                    $util.makeProp(object.params, keys2[j]);
                                object.params[keys2[j]] = message.params[keys2[j]];
                            }
                        }
                        return object;
                    };

                    UserOpResult.prototype.toJSON = function() {
                        return UserOpResult.toObject(this, $protobuf.util.toJSONOptions);
                    };

                    UserOpResult.getTypeUrl = function(prefix) {
                        if (prefix === $undefined)
                            prefix = "type.googleapis.com";
                        return prefix + "/com.bird2fish.birdtalksdk.pbmodel.UserOpResult";
                    };

                    return UserOpResult;
                })();

                pbmodel.FriendOpReq = (function() {

                    var FriendOpReq = function (properties) {
                        this.params = {};
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    FriendOpReq.prototype.operation = 0;
                    FriendOpReq.prototype.user = null;
                    FriendOpReq.prototype.sendId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    FriendOpReq.prototype.msgId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    FriendOpReq.prototype.params = $util.emptyObject;

                    FriendOpReq.create = function(properties) {
                        return new FriendOpReq(properties);
                    };

                    FriendOpReq.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.operation != null && $Object.hasOwnProperty.call(message, "operation") && message.operation !== 0)
                            writer.uint32(8).int32(message.operation);
                        if (message.user != null && $Object.hasOwnProperty.call(message, "user"))
                            $root.com.bird2fish.birdtalksdk.pbmodel.UserInfo.encode(message.user, writer.uint32(18).fork(), _depth + 1).ldelim();
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId") && (typeof message.sendId === "object" ? message.sendId.low || message.sendId.high : message.sendId !== 0))
                            writer.uint32(24).int64(message.sendId);
                        if (message.msgId != null && $Object.hasOwnProperty.call(message, "msgId") && (typeof message.msgId === "object" ? message.msgId.low || message.msgId.high : message.msgId !== 0))
                            writer.uint32(32).int64(message.msgId);
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params"))
                            for (var keys = $Object.keys(message.params), i = 0; i < keys.length; ++i)
                                writer.uint32(42).fork().uint32(10).string(keys[i]).uint32(18).string(message.params[keys[i]]).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    FriendOpReq.encodeDelimited = function(message, writer) {
                        return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                    };

                    FriendOpReq.decode = function (reader, length, _end, _depth, _target) {
                        if (!(reader instanceof $Reader))
                            reader = $Reader.create(reader);
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $Reader.recursionLimit)
                            throw $Error("max depth exceeded");
                        var end, message, key, value;
                        if (length === $undefined)
                            end = reader.len;
                        else {
                            end = reader.pos + length;
                            if (end > reader.len)
                                throw $RangeError("index out of range");
                            length = reader.len;
                            reader.len = end;
                        }
                        message = _target || new $root.com.bird2fish.birdtalksdk.pbmodel.FriendOpReq();
                        while (reader.pos < end) {
                            var start = reader.pos;
                            var tag = reader.tag();
                            if (tag === _end) {
                                _end = $undefined;
                                break;
                            }
                            var wireType = tag & 7;
                            switch (tag >>>= 3) {
                            case 1: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.operation = value;
                                    else
                                        delete message.operation;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    message.user = $root.com.bird2fish.birdtalksdk.pbmodel.UserInfo.decode(reader, reader.size(), $undefined, _depth + 1, message.user);
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.sendId = value;
                                    else
                                        delete message.sendId;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.msgId = value;
                                    else
                                        delete message.msgId;
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 2)
                                        break;
                                    if (message.params === $util.emptyObject)
                                        message.params = {};
                                    var end2 = reader.size() + reader.pos;
                                    if (end2 > reader.len)
                                        throw $RangeError("index out of range");
                                    reader.len = end2;
                                    key = "";
                                    value = "";
                                    while (reader.pos < end2) {
                                        var tag2 = reader.tag();
                                        wireType = tag2 & 7;
                                        switch (tag2 >>>= 3) {
                                        case 1:
                                            if (wireType !== 2)
                                                break;
                                            key = reader.stringVerify();
                                            continue;
                                        case 2:
                                            if (wireType !== 2)
                                                break;
                                            value = reader.stringVerify();
                                            continue;
                                        }
                                        reader.skipType(wireType, _depth, tag2);
                                    }
                                    if (reader.pos !== end2)
                                        throw $RangeError("index out of range");
                                    reader.len = end;
                                    if (key === "__proto__")
                                        $util.makeProp(message.params, key);
                                    message.params[key] = value;
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

                    FriendOpReq.decodeDelimited = function(reader) {
                        if (!(reader instanceof $Reader))
                            reader = new $Reader(reader);
                        return this.decode(reader, reader.size());
                    };

                    FriendOpReq.verify = function (message, _depth) {
                        if (typeof message !== "object" || message === null)
                            return "object expected";
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            return "max depth exceeded";
                        if (message.operation != null && $Object.hasOwnProperty.call(message, "operation"))
                            if (typeof message.operation !== "number" || (message.operation | 0) !== message.operation)
                                return "operation: enum value expected";
                        if (message.user != null && $Object.hasOwnProperty.call(message, "user")) {
                            var error = $root.com.bird2fish.birdtalksdk.pbmodel.UserInfo.verify(message.user, _depth + 1);
                            if (error)
                                return "user." + error;
                        }
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId"))
                            if (!$util.isInteger(message.sendId) && !(message.sendId && $util.isInteger(message.sendId.low) && $util.isInteger(message.sendId.high)))
                                return "sendId: integer|Long expected";
                        if (message.msgId != null && $Object.hasOwnProperty.call(message, "msgId"))
                            if (!$util.isInteger(message.msgId) && !(message.msgId && $util.isInteger(message.msgId.low) && $util.isInteger(message.msgId.high)))
                                return "msgId: integer|Long expected";
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params")) {
                            if (!$util.isObject(message.params))
                                return "params: object expected";
                            var key = $Object.keys(message.params);
                            for (var i = 0; i < key.length; ++i)
                                if (!$util.isString(message.params[key[i]]))
                                    return "params: string{k:string} expected";
                        }
                        return null;
                    };

                    FriendOpReq.fromObject = function (object, _depth) {
                        if (object instanceof $root.com.bird2fish.birdtalksdk.pbmodel.FriendOpReq)
                            return object;
                        if (!$util.isObject(object))
                            throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.FriendOpReq: object expected");
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var message = new $root.com.bird2fish.birdtalksdk.pbmodel.FriendOpReq();
                        if (object.operation !== 0 && (typeof object.operation !== "string" || $root.com.bird2fish.birdtalksdk.pbmodel.UserOperationType[object.operation] !== 0))
                            switch (object.operation) {
                            case "UserNoneAction":
                            case 0:
                                message.operation = 0;
                                break;
                            case "RegisterUser":
                            case 1:
                                message.operation = 1;
                                break;
                            case "UnregisterUser":
                            case 2:
                                message.operation = 2;
                                break;
                            case "DisableUser":
                            case 3:
                                message.operation = 3;
                                break;
                            case "RecoverUser":
                            case 4:
                                message.operation = 4;
                                break;
                            case "SetUserInfo":
                            case 5:
                                message.operation = 5;
                                break;
                            case "RealNameVerification":
                            case 6:
                                message.operation = 6;
                                break;
                            case "Login":
                            case 7:
                                message.operation = 7;
                                break;
                            case "Logout":
                            case 8:
                                message.operation = 8;
                                break;
                            case "FindUser":
                            case 9:
                                message.operation = 9;
                                break;
                            case "AddFriend":
                            case 10:
                                message.operation = 10;
                                break;
                            case "ApproveFriend":
                            case 11:
                                message.operation = 11;
                                break;
                            case "RemoveFriend":
                            case 12:
                                message.operation = 12;
                                break;
                            case "BlockFriend":
                            case 13:
                                message.operation = 13;
                                break;
                            case "UnBlockFriend":
                            case 14:
                                message.operation = 14;
                                break;
                            case "SetFriendPermission":
                            case 15:
                                message.operation = 15;
                                break;
                            case "SetFriendMemo":
                            case 16:
                                message.operation = 16;
                                break;
                            case "ListFriends":
                            case 17:
                                message.operation = 17;
                                break;
                            default:
                                if (typeof object.operation === "number" && (object.operation | 0) === object.operation)
                                    message.operation = object.operation;
                            }
                        if (object.user != null) {
                            if (!$util.isObject(object.user))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.FriendOpReq.user: object expected");
                            message.user = $root.com.bird2fish.birdtalksdk.pbmodel.UserInfo.fromObject(object.user, _depth + 1);
                        }
                        if (object.sendId != null)
                            if (typeof object.sendId === "object" ? object.sendId.low || object.sendId.high : $Number(object.sendId) !== 0)
                                if ($util.Long)
                                    message.sendId = $util.Long.fromValue(object.sendId, false);
                                else if (typeof object.sendId === "string")
                                    message.sendId = $parseInt(object.sendId, 10);
                                else if (typeof object.sendId === "number")
                                    message.sendId = object.sendId;
                                else if (typeof object.sendId === "object")
                                    message.sendId = new $util.LongBits(object.sendId.low >>> 0, object.sendId.high >>> 0).toNumber();
                        if (object.msgId != null)
                            if (typeof object.msgId === "object" ? object.msgId.low || object.msgId.high : $Number(object.msgId) !== 0)
                                if ($util.Long)
                                    message.msgId = $util.Long.fromValue(object.msgId, false);
                                else if (typeof object.msgId === "string")
                                    message.msgId = $parseInt(object.msgId, 10);
                                else if (typeof object.msgId === "number")
                                    message.msgId = object.msgId;
                                else if (typeof object.msgId === "object")
                                    message.msgId = new $util.LongBits(object.msgId.low >>> 0, object.msgId.high >>> 0).toNumber();
                        if (object.params) {
                            if (!$util.isObject(object.params))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.FriendOpReq.params: object expected");
                            message.params = {};
                            for (var keys = $Object.keys(object.params), i = 0; i < keys.length; ++i) {
                                if (keys[i] === "__proto__")
                                    $util.makeProp(message.params, keys[i]);
                                message.params[keys[i]] = $String(object.params[keys[i]]);
                            }
                        }
                        return message;
                    };

                    FriendOpReq.toObject = function (message, options, _depth) {
                        if (!options)
                            options = {};
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var object = {};
                        if (options.objects || options.defaults)
                            object.params = {};
                        if (options.defaults) {
                            object.operation = options.enums === $String ? "UserNoneAction" : 0;
                            object.user = null;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.sendId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.sendId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.msgId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.msgId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        }
                        if (message.operation != null && $Object.hasOwnProperty.call(message, "operation"))
                            object.operation = options.enums === $String ? $root.com.bird2fish.birdtalksdk.pbmodel.UserOperationType[message.operation] === $undefined ? message.operation : $root.com.bird2fish.birdtalksdk.pbmodel.UserOperationType[message.operation] : message.operation;
                        if (message.user != null && $Object.hasOwnProperty.call(message, "user"))
                            object.user = $root.com.bird2fish.birdtalksdk.pbmodel.UserInfo.toObject(message.user, options, _depth + 1);
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.sendId = typeof message.sendId === "number" ? $BigInt(message.sendId) : $util.Long.fromBits(message.sendId.low >>> 0, message.sendId.high >>> 0, false).toBigInt();
                            else if (typeof message.sendId === "number")
                                object.sendId = options.longs === $String ? $String(message.sendId) : message.sendId;
                            else
                                object.sendId = options.longs === $String ? $util.Long.prototype.toString.call(message.sendId) : options.longs === $Number ? new $util.LongBits(message.sendId.low >>> 0, message.sendId.high >>> 0).toNumber() : message.sendId;
                        if (message.msgId != null && $Object.hasOwnProperty.call(message, "msgId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.msgId = typeof message.msgId === "number" ? $BigInt(message.msgId) : $util.Long.fromBits(message.msgId.low >>> 0, message.msgId.high >>> 0, false).toBigInt();
                            else if (typeof message.msgId === "number")
                                object.msgId = options.longs === $String ? $String(message.msgId) : message.msgId;
                            else
                                object.msgId = options.longs === $String ? $util.Long.prototype.toString.call(message.msgId) : options.longs === $Number ? new $util.LongBits(message.msgId.low >>> 0, message.msgId.high >>> 0).toNumber() : message.msgId;
                        var keys2;
                        if (message.params && (keys2 = $Object.keys(message.params)).length) {
                            object.params = {};
                            for (var j = 0; j < keys2.length; ++j) {
                                if (keys2[j] === "__proto__")
                                    $util.makeProp(object.params, keys2[j]);
                                object.params[keys2[j]] = message.params[keys2[j]];
                            }
                        }
                        return object;
                    };

                    FriendOpReq.prototype.toJSON = function() {
                        return FriendOpReq.toObject(this, $protobuf.util.toJSONOptions);
                    };

                    FriendOpReq.getTypeUrl = function(prefix) {
                        if (prefix === $undefined)
                            prefix = "type.googleapis.com";
                        return prefix + "/com.bird2fish.birdtalksdk.pbmodel.FriendOpReq";
                    };

                    return FriendOpReq;
                })();

                pbmodel.FriendOpResult = (function() {

                    var FriendOpResult = function (properties) {
                        this.users = [];
                        this.params = {};
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    FriendOpResult.prototype.operation = 0;
                    FriendOpResult.prototype.result = "";
                    FriendOpResult.prototype.user = null;
                    FriendOpResult.prototype.users = $util.emptyArray;
                    FriendOpResult.prototype.sendId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    FriendOpResult.prototype.msgId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    FriendOpResult.prototype.params = $util.emptyObject;

                    FriendOpResult.create = function(properties) {
                        return new FriendOpResult(properties);
                    };

                    FriendOpResult.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.operation != null && $Object.hasOwnProperty.call(message, "operation") && message.operation !== 0)
                            writer.uint32(8).int32(message.operation);
                        if (message.result != null && $Object.hasOwnProperty.call(message, "result") && message.result !== "")
                            writer.uint32(18).string(message.result);
                        if (message.user != null && $Object.hasOwnProperty.call(message, "user"))
                            $root.com.bird2fish.birdtalksdk.pbmodel.UserInfo.encode(message.user, writer.uint32(26).fork(), _depth + 1).ldelim();
                        if (message.users != null && message.users.length)
                            for (var i = 0; i < message.users.length; ++i)
                                $root.com.bird2fish.birdtalksdk.pbmodel.UserInfo.encode(message.users[i], writer.uint32(34).fork(), _depth + 1).ldelim();
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId") && (typeof message.sendId === "object" ? message.sendId.low || message.sendId.high : message.sendId !== 0))
                            writer.uint32(40).int64(message.sendId);
                        if (message.msgId != null && $Object.hasOwnProperty.call(message, "msgId") && (typeof message.msgId === "object" ? message.msgId.low || message.msgId.high : message.msgId !== 0))
                            writer.uint32(48).int64(message.msgId);
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params"))
                            for (var keys = $Object.keys(message.params), i = 0; i < keys.length; ++i)
                                writer.uint32(58).fork().uint32(10).string(keys[i]).uint32(18).string(message.params[keys[i]]).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    FriendOpResult.encodeDelimited = function(message, writer) {
                        return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                    };

                    FriendOpResult.decode = function (reader, length, _end, _depth, _target) {
                        if (!(reader instanceof $Reader))
                            reader = $Reader.create(reader);
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $Reader.recursionLimit)
                            throw $Error("max depth exceeded");
                        var end, message, key, value;
                        if (length === $undefined)
                            end = reader.len;
                        else {
                            end = reader.pos + length;
                            if (end > reader.len)
                                throw $RangeError("index out of range");
                            length = reader.len;
                            reader.len = end;
                        }
                        message = _target || new $root.com.bird2fish.birdtalksdk.pbmodel.FriendOpResult();
                        while (reader.pos < end) {
                            var start = reader.pos;
                            var tag = reader.tag();
                            if (tag === _end) {
                                _end = $undefined;
                                break;
                            }
                            var wireType = tag & 7;
                            switch (tag >>>= 3) {
                            case 1: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.operation = value;
                                    else
                                        delete message.operation;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.result = value;
                                    else
                                        delete message.result;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 2)
                                        break;
                                    message.user = $root.com.bird2fish.birdtalksdk.pbmodel.UserInfo.decode(reader, reader.size(), $undefined, _depth + 1, message.user);
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.users && message.users.length))
                                        message.users = [];
                                    message.users.push($root.com.bird2fish.birdtalksdk.pbmodel.UserInfo.decode(reader, reader.size(), $undefined, _depth + 1));
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.sendId = value;
                                    else
                                        delete message.sendId;
                                    continue;
                                }
                            case 6: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.msgId = value;
                                    else
                                        delete message.msgId;
                                    continue;
                                }
                            case 7: {
                                    if (wireType !== 2)
                                        break;
                                    if (message.params === $util.emptyObject)
                                        message.params = {};
                                    var end2 = reader.size() + reader.pos;
                                    if (end2 > reader.len)
                                        throw $RangeError("index out of range");
                                    reader.len = end2;
                                    key = "";
                                    value = "";
                                    while (reader.pos < end2) {
                                        var tag2 = reader.tag();
                                        wireType = tag2 & 7;
                                        switch (tag2 >>>= 3) {
                                        case 1:
                                            if (wireType !== 2)
                                                break;
                                            key = reader.stringVerify();
                                            continue;
                                        case 2:
                                            if (wireType !== 2)
                                                break;
                                            value = reader.stringVerify();
                                            continue;
                                        }
                                        reader.skipType(wireType, _depth, tag2);
                                    }
                                    if (reader.pos !== end2)
                                        throw $RangeError("index out of range");
                                    reader.len = end;
                                    if (key === "__proto__")
                                        $util.makeProp(message.params, key);
                                    message.params[key] = value;
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

                    FriendOpResult.decodeDelimited = function(reader) {
                        if (!(reader instanceof $Reader))
                            reader = new $Reader(reader);
                        return this.decode(reader, reader.size());
                    };

                    FriendOpResult.verify = function (message, _depth) {
                        if (typeof message !== "object" || message === null)
                            return "object expected";
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            return "max depth exceeded";
                        if (message.operation != null && $Object.hasOwnProperty.call(message, "operation"))
                            if (typeof message.operation !== "number" || (message.operation | 0) !== message.operation)
                                return "operation: enum value expected";
                        if (message.result != null && $Object.hasOwnProperty.call(message, "result"))
                            if (!$util.isString(message.result))
                                return "result: string expected";
                        if (message.user != null && $Object.hasOwnProperty.call(message, "user")) {
                            var error = $root.com.bird2fish.birdtalksdk.pbmodel.UserInfo.verify(message.user, _depth + 1);
                            if (error)
                                return "user." + error;
                        }
                        if (message.users != null && $Object.hasOwnProperty.call(message, "users")) {
                            if (!$Array.isArray(message.users))
                                return "users: array expected";
                            for (var i = 0; i < message.users.length; ++i) {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.UserInfo.verify(message.users[i], _depth + 1);
                                if (error)
                                    return "users." + error;
                            }
                        }
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId"))
                            if (!$util.isInteger(message.sendId) && !(message.sendId && $util.isInteger(message.sendId.low) && $util.isInteger(message.sendId.high)))
                                return "sendId: integer|Long expected";
                        if (message.msgId != null && $Object.hasOwnProperty.call(message, "msgId"))
                            if (!$util.isInteger(message.msgId) && !(message.msgId && $util.isInteger(message.msgId.low) && $util.isInteger(message.msgId.high)))
                                return "msgId: integer|Long expected";
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params")) {
                            if (!$util.isObject(message.params))
                                return "params: object expected";
                            var key = $Object.keys(message.params);
                            for (var i = 0; i < key.length; ++i)
                                if (!$util.isString(message.params[key[i]]))
                                    return "params: string{k:string} expected";
                        }
                        return null;
                    };

                    FriendOpResult.fromObject = function (object, _depth) {
                        if (object instanceof $root.com.bird2fish.birdtalksdk.pbmodel.FriendOpResult)
                            return object;
                        if (!$util.isObject(object))
                            throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.FriendOpResult: object expected");
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var message = new $root.com.bird2fish.birdtalksdk.pbmodel.FriendOpResult();
                        if (object.operation !== 0 && (typeof object.operation !== "string" || $root.com.bird2fish.birdtalksdk.pbmodel.UserOperationType[object.operation] !== 0))
                            switch (object.operation) {
                            case "UserNoneAction":
                            case 0:
                                message.operation = 0;
                                break;
                            case "RegisterUser":
                            case 1:
                                message.operation = 1;
                                break;
                            case "UnregisterUser":
                            case 2:
                                message.operation = 2;
                                break;
                            case "DisableUser":
                            case 3:
                                message.operation = 3;
                                break;
                            case "RecoverUser":
                            case 4:
                                message.operation = 4;
                                break;
                            case "SetUserInfo":
                            case 5:
                                message.operation = 5;
                                break;
                            case "RealNameVerification":
                            case 6:
                                message.operation = 6;
                                break;
                            case "Login":
                            case 7:
                                message.operation = 7;
                                break;
                            case "Logout":
                            case 8:
                                message.operation = 8;
                                break;
                            case "FindUser":
                            case 9:
                                message.operation = 9;
                                break;
                            case "AddFriend":
                            case 10:
                                message.operation = 10;
                                break;
                            case "ApproveFriend":
                            case 11:
                                message.operation = 11;
                                break;
                            case "RemoveFriend":
                            case 12:
                                message.operation = 12;
                                break;
                            case "BlockFriend":
                            case 13:
                                message.operation = 13;
                                break;
                            case "UnBlockFriend":
                            case 14:
                                message.operation = 14;
                                break;
                            case "SetFriendPermission":
                            case 15:
                                message.operation = 15;
                                break;
                            case "SetFriendMemo":
                            case 16:
                                message.operation = 16;
                                break;
                            case "ListFriends":
                            case 17:
                                message.operation = 17;
                                break;
                            default:
                                if (typeof object.operation === "number" && (object.operation | 0) === object.operation)
                                    message.operation = object.operation;
                            }
                        if (object.result != null)
                            if (typeof object.result !== "string" || object.result.length)
                                message.result = $String(object.result);
                        if (object.user != null) {
                            if (!$util.isObject(object.user))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.FriendOpResult.user: object expected");
                            message.user = $root.com.bird2fish.birdtalksdk.pbmodel.UserInfo.fromObject(object.user, _depth + 1);
                        }
                        if (object.users) {
                            if (!$Array.isArray(object.users))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.FriendOpResult.users: array expected");
                            message.users = $Array(object.users.length);
                            for (var i = 0; i < object.users.length; ++i) {
                                if (!$util.isObject(object.users[i]))
                                    throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.FriendOpResult.users: object expected");
                                message.users[i] = $root.com.bird2fish.birdtalksdk.pbmodel.UserInfo.fromObject(object.users[i], _depth + 1);
                            }
                        }
                        if (object.sendId != null)
                            if (typeof object.sendId === "object" ? object.sendId.low || object.sendId.high : $Number(object.sendId) !== 0)
                                if ($util.Long)
                                    message.sendId = $util.Long.fromValue(object.sendId, false);
                                else if (typeof object.sendId === "string")
                                    message.sendId = $parseInt(object.sendId, 10);
                                else if (typeof object.sendId === "number")
                                    message.sendId = object.sendId;
                                else if (typeof object.sendId === "object")
                                    message.sendId = new $util.LongBits(object.sendId.low >>> 0, object.sendId.high >>> 0).toNumber();
                        if (object.msgId != null)
                            if (typeof object.msgId === "object" ? object.msgId.low || object.msgId.high : $Number(object.msgId) !== 0)
                                if ($util.Long)
                                    message.msgId = $util.Long.fromValue(object.msgId, false);
                                else if (typeof object.msgId === "string")
                                    message.msgId = $parseInt(object.msgId, 10);
                                else if (typeof object.msgId === "number")
                                    message.msgId = object.msgId;
                                else if (typeof object.msgId === "object")
                                    message.msgId = new $util.LongBits(object.msgId.low >>> 0, object.msgId.high >>> 0).toNumber();
                        if (object.params) {
                            if (!$util.isObject(object.params))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.FriendOpResult.params: object expected");
                            message.params = {};
                            for (var keys = $Object.keys(object.params), i = 0; i < keys.length; ++i) {
                                if (keys[i] === "__proto__")
                                    $util.makeProp(message.params, keys[i]);
                                message.params[keys[i]] = $String(object.params[keys[i]]);
                            }
                        }
                        return message;
                    };

                    FriendOpResult.toObject = function (message, options, _depth) {
                        if (!options)
                            options = {};
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var object = {};
                        if (options.arrays || options.defaults)
                            object.users = [];
                        if (options.objects || options.defaults)
                            object.params = {};
                        if (options.defaults) {
                            object.operation = options.enums === $String ? "UserNoneAction" : 0;
                            object.result = "";
                            object.user = null;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.sendId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.sendId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.msgId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.msgId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        }
                        if (message.operation != null && $Object.hasOwnProperty.call(message, "operation"))
                            object.operation = options.enums === $String ? $root.com.bird2fish.birdtalksdk.pbmodel.UserOperationType[message.operation] === $undefined ? message.operation : $root.com.bird2fish.birdtalksdk.pbmodel.UserOperationType[message.operation] : message.operation;
                        if (message.result != null && $Object.hasOwnProperty.call(message, "result"))
                            object.result = message.result;
                        if (message.user != null && $Object.hasOwnProperty.call(message, "user"))
                            object.user = $root.com.bird2fish.birdtalksdk.pbmodel.UserInfo.toObject(message.user, options, _depth + 1);
                        if (message.users && message.users.length) {
                            object.users = $Array(message.users.length);
                            for (var j = 0; j < message.users.length; ++j)
                                object.users[j] = $root.com.bird2fish.birdtalksdk.pbmodel.UserInfo.toObject(message.users[j], options, _depth + 1);
                        }
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.sendId = typeof message.sendId === "number" ? $BigInt(message.sendId) : $util.Long.fromBits(message.sendId.low >>> 0, message.sendId.high >>> 0, false).toBigInt();
                            else if (typeof message.sendId === "number")
                                object.sendId = options.longs === $String ? $String(message.sendId) : message.sendId;
                            else
                                object.sendId = options.longs === $String ? $util.Long.prototype.toString.call(message.sendId) : options.longs === $Number ? new $util.LongBits(message.sendId.low >>> 0, message.sendId.high >>> 0).toNumber() : message.sendId;
                        if (message.msgId != null && $Object.hasOwnProperty.call(message, "msgId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.msgId = typeof message.msgId === "number" ? $BigInt(message.msgId) : $util.Long.fromBits(message.msgId.low >>> 0, message.msgId.high >>> 0, false).toBigInt();
                            else if (typeof message.msgId === "number")
                                object.msgId = options.longs === $String ? $String(message.msgId) : message.msgId;
                            else
                                object.msgId = options.longs === $String ? $util.Long.prototype.toString.call(message.msgId) : options.longs === $Number ? new $util.LongBits(message.msgId.low >>> 0, message.msgId.high >>> 0).toNumber() : message.msgId;
                        var keys2;
                        if (message.params && (keys2 = $Object.keys(message.params)).length) {
                            object.params = {};
                            for (var j = 0; j < keys2.length; ++j) {
                                if (keys2[j] === "__proto__")
                                    $util.makeProp(object.params, keys2[j]);
                                object.params[keys2[j]] = message.params[keys2[j]];
                            }
                        }
                        return object;
                    };

                    FriendOpResult.prototype.toJSON = function() {
                        return FriendOpResult.toObject(this, $protobuf.util.toJSONOptions);
                    };

                    FriendOpResult.getTypeUrl = function(prefix) {
                        if (prefix === $undefined)
                            prefix = "type.googleapis.com";
                        return prefix + "/com.bird2fish.birdtalksdk.pbmodel.FriendOpResult";
                    };

                    return FriendOpResult;
                })();

                pbmodel.GroupMember = (function() {

                    var GroupMember = function (properties) {
                        this.params = {};
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    GroupMember.prototype.userId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    GroupMember.prototype.nick = "";
                    GroupMember.prototype.icon = "";
                    GroupMember.prototype.role = "";
                    GroupMember.prototype.groupId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    GroupMember.prototype.params = $util.emptyObject;

                    GroupMember.create = function(properties) {
                        return new GroupMember(properties);
                    };

                    GroupMember.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && (typeof message.userId === "object" ? message.userId.low || message.userId.high : message.userId !== 0))
                            writer.uint32(8).int64(message.userId);
                        if (message.nick != null && $Object.hasOwnProperty.call(message, "nick") && message.nick !== "")
                            writer.uint32(18).string(message.nick);
                        if (message.icon != null && $Object.hasOwnProperty.call(message, "icon") && message.icon !== "")
                            writer.uint32(26).string(message.icon);
                        if (message.role != null && $Object.hasOwnProperty.call(message, "role") && message.role !== "")
                            writer.uint32(34).string(message.role);
                        if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId") && (typeof message.groupId === "object" ? message.groupId.low || message.groupId.high : message.groupId !== 0))
                            writer.uint32(40).int64(message.groupId);
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params"))
                            for (var keys = $Object.keys(message.params), i = 0; i < keys.length; ++i)
                                writer.uint32(50).fork().uint32(10).string(keys[i]).uint32(18).string(message.params[keys[i]]).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    GroupMember.encodeDelimited = function(message, writer) {
                        return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                    };

                    GroupMember.decode = function (reader, length, _end, _depth, _target) {
                        if (!(reader instanceof $Reader))
                            reader = $Reader.create(reader);
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $Reader.recursionLimit)
                            throw $Error("max depth exceeded");
                        var end, message, key, value;
                        if (length === $undefined)
                            end = reader.len;
                        else {
                            end = reader.pos + length;
                            if (end > reader.len)
                                throw $RangeError("index out of range");
                            length = reader.len;
                            reader.len = end;
                        }
                        message = _target || new $root.com.bird2fish.birdtalksdk.pbmodel.GroupMember();
                        while (reader.pos < end) {
                            var start = reader.pos;
                            var tag = reader.tag();
                            if (tag === _end) {
                                _end = $undefined;
                                break;
                            }
                            var wireType = tag & 7;
                            switch (tag >>>= 3) {
                            case 1: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.userId = value;
                                    else
                                        delete message.userId;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.nick = value;
                                    else
                                        delete message.nick;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.icon = value;
                                    else
                                        delete message.icon;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.role = value;
                                    else
                                        delete message.role;
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.groupId = value;
                                    else
                                        delete message.groupId;
                                    continue;
                                }
                            case 6: {
                                    if (wireType !== 2)
                                        break;
                                    if (message.params === $util.emptyObject)
                                        message.params = {};
                                    var end2 = reader.size() + reader.pos;
                                    if (end2 > reader.len)
                                        throw $RangeError("index out of range");
                                    reader.len = end2;
                                    key = "";
                                    value = "";
                                    while (reader.pos < end2) {
                                        var tag2 = reader.tag();
                                        wireType = tag2 & 7;
                                        switch (tag2 >>>= 3) {
                                        case 1:
                                            if (wireType !== 2)
                                                break;
                                            key = reader.stringVerify();
                                            continue;
                                        case 2:
                                            if (wireType !== 2)
                                                break;
                                            value = reader.stringVerify();
                                            continue;
                                        }
                                        reader.skipType(wireType, _depth, tag2);
                                    }
                                    if (reader.pos !== end2)
                                        throw $RangeError("index out of range");
                                    reader.len = end;
                                    if (key === "__proto__")
                                        $util.makeProp(message.params, key);
                                    message.params[key] = value;
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

                    GroupMember.decodeDelimited = function(reader) {
                        if (!(reader instanceof $Reader))
                            reader = new $Reader(reader);
                        return this.decode(reader, reader.size());
                    };

                    GroupMember.verify = function (message, _depth) {
                        if (typeof message !== "object" || message === null)
                            return "object expected";
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            return "max depth exceeded";
                        if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                            if (!$util.isInteger(message.userId) && !(message.userId && $util.isInteger(message.userId.low) && $util.isInteger(message.userId.high)))
                                return "userId: integer|Long expected";
                        if (message.nick != null && $Object.hasOwnProperty.call(message, "nick"))
                            if (!$util.isString(message.nick))
                                return "nick: string expected";
                        if (message.icon != null && $Object.hasOwnProperty.call(message, "icon"))
                            if (!$util.isString(message.icon))
                                return "icon: string expected";
                        if (message.role != null && $Object.hasOwnProperty.call(message, "role"))
                            if (!$util.isString(message.role))
                                return "role: string expected";
                        if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId"))
                            if (!$util.isInteger(message.groupId) && !(message.groupId && $util.isInteger(message.groupId.low) && $util.isInteger(message.groupId.high)))
                                return "groupId: integer|Long expected";
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params")) {
                            if (!$util.isObject(message.params))
                                return "params: object expected";
                            var key = $Object.keys(message.params);
                            for (var i = 0; i < key.length; ++i)
                                if (!$util.isString(message.params[key[i]]))
                                    return "params: string{k:string} expected";
                        }
                        return null;
                    };

                    GroupMember.fromObject = function (object, _depth) {
                        if (object instanceof $root.com.bird2fish.birdtalksdk.pbmodel.GroupMember)
                            return object;
                        if (!$util.isObject(object))
                            throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.GroupMember: object expected");
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var message = new $root.com.bird2fish.birdtalksdk.pbmodel.GroupMember();
                        if (object.userId != null)
                            if (typeof object.userId === "object" ? object.userId.low || object.userId.high : $Number(object.userId) !== 0)
                                if ($util.Long)
                                    message.userId = $util.Long.fromValue(object.userId, false);
                                else if (typeof object.userId === "string")
                                    message.userId = $parseInt(object.userId, 10);
                                else if (typeof object.userId === "number")
                                    message.userId = object.userId;
                                else if (typeof object.userId === "object")
                                    message.userId = new $util.LongBits(object.userId.low >>> 0, object.userId.high >>> 0).toNumber();
                        if (object.nick != null)
                            if (typeof object.nick !== "string" || object.nick.length)
                                message.nick = $String(object.nick);
                        if (object.icon != null)
                            if (typeof object.icon !== "string" || object.icon.length)
                                message.icon = $String(object.icon);
                        if (object.role != null)
                            if (typeof object.role !== "string" || object.role.length)
                                message.role = $String(object.role);
                        if (object.groupId != null)
                            if (typeof object.groupId === "object" ? object.groupId.low || object.groupId.high : $Number(object.groupId) !== 0)
                                if ($util.Long)
                                    message.groupId = $util.Long.fromValue(object.groupId, false);
                                else if (typeof object.groupId === "string")
                                    message.groupId = $parseInt(object.groupId, 10);
                                else if (typeof object.groupId === "number")
                                    message.groupId = object.groupId;
                                else if (typeof object.groupId === "object")
                                    message.groupId = new $util.LongBits(object.groupId.low >>> 0, object.groupId.high >>> 0).toNumber();
                        if (object.params) {
                            if (!$util.isObject(object.params))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.GroupMember.params: object expected");
                            message.params = {};
                            for (var keys = $Object.keys(object.params), i = 0; i < keys.length; ++i) {
                                if (keys[i] === "__proto__")
                                    $util.makeProp(message.params, keys[i]);
                                message.params[keys[i]] = $String(object.params[keys[i]]);
                            }
                        }
                        return message;
                    };

                    GroupMember.toObject = function (message, options, _depth) {
                        if (!options)
                            options = {};
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var object = {};
                        if (options.objects || options.defaults)
                            object.params = {};
                        if (options.defaults) {
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.userId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.userId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            object.nick = "";
                            object.icon = "";
                            object.role = "";
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.groupId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.groupId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        }
                        if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.userId = typeof message.userId === "number" ? $BigInt(message.userId) : $util.Long.fromBits(message.userId.low >>> 0, message.userId.high >>> 0, false).toBigInt();
                            else if (typeof message.userId === "number")
                                object.userId = options.longs === $String ? $String(message.userId) : message.userId;
                            else
                                object.userId = options.longs === $String ? $util.Long.prototype.toString.call(message.userId) : options.longs === $Number ? new $util.LongBits(message.userId.low >>> 0, message.userId.high >>> 0).toNumber() : message.userId;
                        if (message.nick != null && $Object.hasOwnProperty.call(message, "nick"))
                            object.nick = message.nick;
                        if (message.icon != null && $Object.hasOwnProperty.call(message, "icon"))
                            object.icon = message.icon;
                        if (message.role != null && $Object.hasOwnProperty.call(message, "role"))
                            object.role = message.role;
                        if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.groupId = typeof message.groupId === "number" ? $BigInt(message.groupId) : $util.Long.fromBits(message.groupId.low >>> 0, message.groupId.high >>> 0, false).toBigInt();
                            else if (typeof message.groupId === "number")
                                object.groupId = options.longs === $String ? $String(message.groupId) : message.groupId;
                            else
                                object.groupId = options.longs === $String ? $util.Long.prototype.toString.call(message.groupId) : options.longs === $Number ? new $util.LongBits(message.groupId.low >>> 0, message.groupId.high >>> 0).toNumber() : message.groupId;
                        var keys2;
                        if (message.params && (keys2 = $Object.keys(message.params)).length) {
                            object.params = {};
                            for (var j = 0; j < keys2.length; ++j) {
                                if (keys2[j] === "__proto__")
                                    $util.makeProp(object.params, keys2[j]);
                                object.params[keys2[j]] = message.params[keys2[j]];
                            }
                        }
                        return object;
                    };

                    GroupMember.prototype.toJSON = function() {
                        return GroupMember.toObject(this, $protobuf.util.toJSONOptions);
                    };

                    GroupMember.getTypeUrl = function(prefix) {
                        if (prefix === $undefined)
                            prefix = "type.googleapis.com";
                        return prefix + "/com.bird2fish.birdtalksdk.pbmodel.GroupMember";
                    };

                    return GroupMember;
                })();

                pbmodel.GroupInfo = (function() {

                    var GroupInfo = function (properties) {
                        this.tags = [];
                        this.params = {};
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    GroupInfo.prototype.groupId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    GroupInfo.prototype.tags = $util.emptyArray;
                    GroupInfo.prototype.groupName = "";
                    GroupInfo.prototype.groupType = "";
                    GroupInfo.prototype.params = $util.emptyObject;

                    GroupInfo.create = function(properties) {
                        return new GroupInfo(properties);
                    };

                    GroupInfo.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId") && (typeof message.groupId === "object" ? message.groupId.low || message.groupId.high : message.groupId !== 0))
                            writer.uint32(8).int64(message.groupId);
                        if (message.tags != null && message.tags.length)
                            for (var i = 0; i < message.tags.length; ++i)
                                writer.uint32(18).string(message.tags[i]);
                        if (message.groupName != null && $Object.hasOwnProperty.call(message, "groupName") && message.groupName !== "")
                            writer.uint32(26).string(message.groupName);
                        if (message.groupType != null && $Object.hasOwnProperty.call(message, "groupType") && message.groupType !== "")
                            writer.uint32(34).string(message.groupType);
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params"))
                            for (var keys = $Object.keys(message.params), i = 0; i < keys.length; ++i)
                                writer.uint32(42).fork().uint32(10).string(keys[i]).uint32(18).string(message.params[keys[i]]).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    GroupInfo.encodeDelimited = function(message, writer) {
                        return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                    };

                    GroupInfo.decode = function (reader, length, _end, _depth, _target) {
                        if (!(reader instanceof $Reader))
                            reader = $Reader.create(reader);
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $Reader.recursionLimit)
                            throw $Error("max depth exceeded");
                        var end, message, key, value;
                        if (length === $undefined)
                            end = reader.len;
                        else {
                            end = reader.pos + length;
                            if (end > reader.len)
                                throw $RangeError("index out of range");
                            length = reader.len;
                            reader.len = end;
                        }
                        message = _target || new $root.com.bird2fish.birdtalksdk.pbmodel.GroupInfo();
                        while (reader.pos < end) {
                            var start = reader.pos;
                            var tag = reader.tag();
                            if (tag === _end) {
                                _end = $undefined;
                                break;
                            }
                            var wireType = tag & 7;
                            switch (tag >>>= 3) {
                            case 1: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.groupId = value;
                                    else
                                        delete message.groupId;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.tags && message.tags.length))
                                        message.tags = [];
                                    message.tags.push(reader.stringVerify());
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.groupName = value;
                                    else
                                        delete message.groupName;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.groupType = value;
                                    else
                                        delete message.groupType;
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 2)
                                        break;
                                    if (message.params === $util.emptyObject)
                                        message.params = {};
                                    var end2 = reader.size() + reader.pos;
                                    if (end2 > reader.len)
                                        throw $RangeError("index out of range");
                                    reader.len = end2;
                                    key = "";
                                    value = "";
                                    while (reader.pos < end2) {
                                        var tag2 = reader.tag();
                                        wireType = tag2 & 7;
                                        switch (tag2 >>>= 3) {
                                        case 1:
                                            if (wireType !== 2)
                                                break;
                                            key = reader.stringVerify();
                                            continue;
                                        case 2:
                                            if (wireType !== 2)
                                                break;
                                            value = reader.stringVerify();
                                            continue;
                                        }
                                        reader.skipType(wireType, _depth, tag2);
                                    }
                                    if (reader.pos !== end2)
                                        throw $RangeError("index out of range");
                                    reader.len = end;
                                    if (key === "__proto__")
                                        $util.makeProp(message.params, key);
                                    message.params[key] = value;
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

                    GroupInfo.decodeDelimited = function(reader) {
                        if (!(reader instanceof $Reader))
                            reader = new $Reader(reader);
                        return this.decode(reader, reader.size());
                    };

                    GroupInfo.verify = function (message, _depth) {
                        if (typeof message !== "object" || message === null)
                            return "object expected";
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            return "max depth exceeded";
                        if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId"))
                            if (!$util.isInteger(message.groupId) && !(message.groupId && $util.isInteger(message.groupId.low) && $util.isInteger(message.groupId.high)))
                                return "groupId: integer|Long expected";
                        if (message.tags != null && $Object.hasOwnProperty.call(message, "tags")) {
                            if (!$Array.isArray(message.tags))
                                return "tags: array expected";
                            for (var i = 0; i < message.tags.length; ++i)
                                if (!$util.isString(message.tags[i]))
                                    return "tags: string[] expected";
                        }
                        if (message.groupName != null && $Object.hasOwnProperty.call(message, "groupName"))
                            if (!$util.isString(message.groupName))
                                return "groupName: string expected";
                        if (message.groupType != null && $Object.hasOwnProperty.call(message, "groupType"))
                            if (!$util.isString(message.groupType))
                                return "groupType: string expected";
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params")) {
                            if (!$util.isObject(message.params))
                                return "params: object expected";
                            var key = $Object.keys(message.params);
                            for (var i = 0; i < key.length; ++i)
                                if (!$util.isString(message.params[key[i]]))
                                    return "params: string{k:string} expected";
                        }
                        return null;
                    };

                    GroupInfo.fromObject = function (object, _depth) {
                        if (object instanceof $root.com.bird2fish.birdtalksdk.pbmodel.GroupInfo)
                            return object;
                        if (!$util.isObject(object))
                            throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.GroupInfo: object expected");
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var message = new $root.com.bird2fish.birdtalksdk.pbmodel.GroupInfo();
                        if (object.groupId != null)
                            if (typeof object.groupId === "object" ? object.groupId.low || object.groupId.high : $Number(object.groupId) !== 0)
                                if ($util.Long)
                                    message.groupId = $util.Long.fromValue(object.groupId, false);
                                else if (typeof object.groupId === "string")
                                    message.groupId = $parseInt(object.groupId, 10);
                                else if (typeof object.groupId === "number")
                                    message.groupId = object.groupId;
                                else if (typeof object.groupId === "object")
                                    message.groupId = new $util.LongBits(object.groupId.low >>> 0, object.groupId.high >>> 0).toNumber();
                        if (object.tags) {
                            if (!$Array.isArray(object.tags))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.GroupInfo.tags: array expected");
                            message.tags = $Array(object.tags.length);
                            for (var i = 0; i < object.tags.length; ++i)
                                message.tags[i] = $String(object.tags[i]);
                        }
                        if (object.groupName != null)
                            if (typeof object.groupName !== "string" || object.groupName.length)
                                message.groupName = $String(object.groupName);
                        if (object.groupType != null)
                            if (typeof object.groupType !== "string" || object.groupType.length)
                                message.groupType = $String(object.groupType);
                        if (object.params) {
                            if (!$util.isObject(object.params))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.GroupInfo.params: object expected");
                            message.params = {};
                            for (var keys = $Object.keys(object.params), i = 0; i < keys.length; ++i) {
                                if (keys[i] === "__proto__")
                                    $util.makeProp(message.params, keys[i]);
                                message.params[keys[i]] = $String(object.params[keys[i]]);
                            }
                        }
                        return message;
                    };

                    GroupInfo.toObject = function (message, options, _depth) {
                        if (!options)
                            options = {};
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var object = {};
                        if (options.arrays || options.defaults)
                            object.tags = [];
                        if (options.objects || options.defaults)
                            object.params = {};
                        if (options.defaults) {
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.groupId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.groupId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            object.groupName = "";
                            object.groupType = "";
                        }
                        if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.groupId = typeof message.groupId === "number" ? $BigInt(message.groupId) : $util.Long.fromBits(message.groupId.low >>> 0, message.groupId.high >>> 0, false).toBigInt();
                            else if (typeof message.groupId === "number")
                                object.groupId = options.longs === $String ? $String(message.groupId) : message.groupId;
                            else
                                object.groupId = options.longs === $String ? $util.Long.prototype.toString.call(message.groupId) : options.longs === $Number ? new $util.LongBits(message.groupId.low >>> 0, message.groupId.high >>> 0).toNumber() : message.groupId;
                        if (message.tags && message.tags.length) {
                            object.tags = $Array(message.tags.length);
                            for (var j = 0; j < message.tags.length; ++j)
                                object.tags[j] = message.tags[j];
                        }
                        if (message.groupName != null && $Object.hasOwnProperty.call(message, "groupName"))
                            object.groupName = message.groupName;
                        if (message.groupType != null && $Object.hasOwnProperty.call(message, "groupType"))
                            object.groupType = message.groupType;
                        var keys2;
                        if (message.params && (keys2 = $Object.keys(message.params)).length) {
                            object.params = {};
                            for (var j = 0; j < keys2.length; ++j) {
                                if (keys2[j] === "__proto__")
                                    $util.makeProp(object.params, keys2[j]);
                                object.params[keys2[j]] = message.params[keys2[j]];
                            }
                        }
                        return object;
                    };

                    GroupInfo.prototype.toJSON = function() {
                        return GroupInfo.toObject(this, $protobuf.util.toJSONOptions);
                    };

                    GroupInfo.getTypeUrl = function(prefix) {
                        if (prefix === $undefined)
                            prefix = "type.googleapis.com";
                        return prefix + "/com.bird2fish.birdtalksdk.pbmodel.GroupInfo";
                    };

                    return GroupInfo;
                })();

                pbmodel.GroupOperationType = (function() {
                    var valuesById = $Object.create(null), values = $Object.create(valuesById);
                    values[valuesById[0] = "GroupNoneAction"] = 0;
                    values[valuesById[1] = "GroupCreate"] = 1;
                    values[valuesById[2] = "GroupDissolve"] = 2;
                    values[valuesById[3] = "GroupSetInfo"] = 3;
                    values[valuesById[4] = "GroupKickMember"] = 4;
                    values[valuesById[5] = "GroupInviteRequest"] = 5;
                    values[valuesById[6] = "GroupInviteAnswer"] = 6;
                    values[valuesById[7] = "GroupJoinRequest"] = 7;
                    values[valuesById[8] = "GroupJoinAnswer"] = 8;
                    values[valuesById[9] = "GroupQuit"] = 9;
                    values[valuesById[10] = "GroupAddAdmin"] = 10;
                    values[valuesById[11] = "GroupDelAdmin"] = 11;
                    values[valuesById[12] = "GroupTransferOwner"] = 12;
                    values[valuesById[13] = "GroupSetMemberInfo"] = 13;
                    values[valuesById[14] = "GroupSearch"] = 14;
                    values[valuesById[15] = "GroupSearchMember"] = 15;
                    values[valuesById[16] = "GroupListIn"] = 16;
                    return values;
                })();

                pbmodel.GroupOperationResultType = (function() {
                    var valuesById = $Object.create(null), values = $Object.create(valuesById);
                    values[valuesById[0] = "GroupOperationResultNone"] = 0;
                    values[valuesById[1] = "GroupOperationResultOk"] = 1;
                    values[valuesById[2] = "GroupOperationResultRefuse"] = 2;
                    return values;
                })();

                pbmodel.GroupOpReq = (function() {

                    var GroupOpReq = function (properties) {
                        this.members = [];
                        this.params = {};
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    GroupOpReq.prototype.operation = 0;
                    GroupOpReq.prototype.ReqMem = null;
                    GroupOpReq.prototype.group = null;
                    GroupOpReq.prototype.members = $util.emptyArray;
                    GroupOpReq.prototype.sendId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    GroupOpReq.prototype.msgId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    GroupOpReq.prototype.params = $util.emptyObject;

                    GroupOpReq.create = function(properties) {
                        return new GroupOpReq(properties);
                    };

                    GroupOpReq.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.operation != null && $Object.hasOwnProperty.call(message, "operation") && message.operation !== 0)
                            writer.uint32(8).int32(message.operation);
                        if (message.ReqMem != null && $Object.hasOwnProperty.call(message, "ReqMem"))
                            $root.com.bird2fish.birdtalksdk.pbmodel.GroupMember.encode(message.ReqMem, writer.uint32(18).fork(), _depth + 1).ldelim();
                        if (message.group != null && $Object.hasOwnProperty.call(message, "group"))
                            $root.com.bird2fish.birdtalksdk.pbmodel.GroupInfo.encode(message.group, writer.uint32(26).fork(), _depth + 1).ldelim();
                        if (message.members != null && message.members.length)
                            for (var i = 0; i < message.members.length; ++i)
                                $root.com.bird2fish.birdtalksdk.pbmodel.GroupMember.encode(message.members[i], writer.uint32(34).fork(), _depth + 1).ldelim();
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId") && (typeof message.sendId === "object" ? message.sendId.low || message.sendId.high : message.sendId !== 0))
                            writer.uint32(48).int64(message.sendId);
                        if (message.msgId != null && $Object.hasOwnProperty.call(message, "msgId") && (typeof message.msgId === "object" ? message.msgId.low || message.msgId.high : message.msgId !== 0))
                            writer.uint32(56).int64(message.msgId);
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params"))
                            for (var keys = $Object.keys(message.params), i = 0; i < keys.length; ++i)
                                writer.uint32(66).fork().uint32(10).string(keys[i]).uint32(18).string(message.params[keys[i]]).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    GroupOpReq.encodeDelimited = function(message, writer) {
                        return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                    };

                    GroupOpReq.decode = function (reader, length, _end, _depth, _target) {
                        if (!(reader instanceof $Reader))
                            reader = $Reader.create(reader);
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $Reader.recursionLimit)
                            throw $Error("max depth exceeded");
                        var end, message, key, value;
                        if (length === $undefined)
                            end = reader.len;
                        else {
                            end = reader.pos + length;
                            if (end > reader.len)
                                throw $RangeError("index out of range");
                            length = reader.len;
                            reader.len = end;
                        }
                        message = _target || new $root.com.bird2fish.birdtalksdk.pbmodel.GroupOpReq();
                        while (reader.pos < end) {
                            var start = reader.pos;
                            var tag = reader.tag();
                            if (tag === _end) {
                                _end = $undefined;
                                break;
                            }
                            var wireType = tag & 7;
                            switch (tag >>>= 3) {
                            case 1: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.operation = value;
                                    else
                                        delete message.operation;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    message.ReqMem = $root.com.bird2fish.birdtalksdk.pbmodel.GroupMember.decode(reader, reader.size(), $undefined, _depth + 1, message.ReqMem);
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 2)
                                        break;
                                    message.group = $root.com.bird2fish.birdtalksdk.pbmodel.GroupInfo.decode(reader, reader.size(), $undefined, _depth + 1, message.group);
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.members && message.members.length))
                                        message.members = [];
                                    message.members.push($root.com.bird2fish.birdtalksdk.pbmodel.GroupMember.decode(reader, reader.size(), $undefined, _depth + 1));
                                    continue;
                                }
                            case 6: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.sendId = value;
                                    else
                                        delete message.sendId;
                                    continue;
                                }
                            case 7: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.msgId = value;
                                    else
                                        delete message.msgId;
                                    continue;
                                }
                            case 8: {
                                    if (wireType !== 2)
                                        break;
                                    if (message.params === $util.emptyObject)
                                        message.params = {};
                                    var end2 = reader.size() + reader.pos;
                                    if (end2 > reader.len)
                                        throw $RangeError("index out of range");
                                    reader.len = end2;
                                    key = "";
                                    value = "";
                                    while (reader.pos < end2) {
                                        var tag2 = reader.tag();
                                        wireType = tag2 & 7;
                                        switch (tag2 >>>= 3) {
                                        case 1:
                                            if (wireType !== 2)
                                                break;
                                            key = reader.stringVerify();
                                            continue;
                                        case 2:
                                            if (wireType !== 2)
                                                break;
                                            value = reader.stringVerify();
                                            continue;
                                        }
                                        reader.skipType(wireType, _depth, tag2);
                                    }
                                    if (reader.pos !== end2)
                                        throw $RangeError("index out of range");
                                    reader.len = end;
                                    if (key === "__proto__")
                                        $util.makeProp(message.params, key);
                                    message.params[key] = value;
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

                    GroupOpReq.decodeDelimited = function(reader) {
                        if (!(reader instanceof $Reader))
                            reader = new $Reader(reader);
                        return this.decode(reader, reader.size());
                    };

                    GroupOpReq.verify = function (message, _depth) {
                        if (typeof message !== "object" || message === null)
                            return "object expected";
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            return "max depth exceeded";
                        if (message.operation != null && $Object.hasOwnProperty.call(message, "operation"))
                            if (typeof message.operation !== "number" || (message.operation | 0) !== message.operation)
                                return "operation: enum value expected";
                        if (message.ReqMem != null && $Object.hasOwnProperty.call(message, "ReqMem")) {
                            var error = $root.com.bird2fish.birdtalksdk.pbmodel.GroupMember.verify(message.ReqMem, _depth + 1);
                            if (error)
                                return "ReqMem." + error;
                        }
                        if (message.group != null && $Object.hasOwnProperty.call(message, "group")) {
                            var error = $root.com.bird2fish.birdtalksdk.pbmodel.GroupInfo.verify(message.group, _depth + 1);
                            if (error)
                                return "group." + error;
                        }
                        if (message.members != null && $Object.hasOwnProperty.call(message, "members")) {
                            if (!$Array.isArray(message.members))
                                return "members: array expected";
                            for (var i = 0; i < message.members.length; ++i) {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.GroupMember.verify(message.members[i], _depth + 1);
                                if (error)
                                    return "members." + error;
                            }
                        }
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId"))
                            if (!$util.isInteger(message.sendId) && !(message.sendId && $util.isInteger(message.sendId.low) && $util.isInteger(message.sendId.high)))
                                return "sendId: integer|Long expected";
                        if (message.msgId != null && $Object.hasOwnProperty.call(message, "msgId"))
                            if (!$util.isInteger(message.msgId) && !(message.msgId && $util.isInteger(message.msgId.low) && $util.isInteger(message.msgId.high)))
                                return "msgId: integer|Long expected";
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params")) {
                            if (!$util.isObject(message.params))
                                return "params: object expected";
                            var key = $Object.keys(message.params);
                            for (var i = 0; i < key.length; ++i)
                                if (!$util.isString(message.params[key[i]]))
                                    return "params: string{k:string} expected";
                        }
                        return null;
                    };

                    GroupOpReq.fromObject = function (object, _depth) {
                        if (object instanceof $root.com.bird2fish.birdtalksdk.pbmodel.GroupOpReq)
                            return object;
                        if (!$util.isObject(object))
                            throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.GroupOpReq: object expected");
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var message = new $root.com.bird2fish.birdtalksdk.pbmodel.GroupOpReq();
                        if (object.operation !== 0 && (typeof object.operation !== "string" || $root.com.bird2fish.birdtalksdk.pbmodel.GroupOperationType[object.operation] !== 0))
                            switch (object.operation) {
                            case "GroupNoneAction":
                            case 0:
                                message.operation = 0;
                                break;
                            case "GroupCreate":
                            case 1:
                                message.operation = 1;
                                break;
                            case "GroupDissolve":
                            case 2:
                                message.operation = 2;
                                break;
                            case "GroupSetInfo":
                            case 3:
                                message.operation = 3;
                                break;
                            case "GroupKickMember":
                            case 4:
                                message.operation = 4;
                                break;
                            case "GroupInviteRequest":
                            case 5:
                                message.operation = 5;
                                break;
                            case "GroupInviteAnswer":
                            case 6:
                                message.operation = 6;
                                break;
                            case "GroupJoinRequest":
                            case 7:
                                message.operation = 7;
                                break;
                            case "GroupJoinAnswer":
                            case 8:
                                message.operation = 8;
                                break;
                            case "GroupQuit":
                            case 9:
                                message.operation = 9;
                                break;
                            case "GroupAddAdmin":
                            case 10:
                                message.operation = 10;
                                break;
                            case "GroupDelAdmin":
                            case 11:
                                message.operation = 11;
                                break;
                            case "GroupTransferOwner":
                            case 12:
                                message.operation = 12;
                                break;
                            case "GroupSetMemberInfo":
                            case 13:
                                message.operation = 13;
                                break;
                            case "GroupSearch":
                            case 14:
                                message.operation = 14;
                                break;
                            case "GroupSearchMember":
                            case 15:
                                message.operation = 15;
                                break;
                            case "GroupListIn":
                            case 16:
                                message.operation = 16;
                                break;
                            default:
                                if (typeof object.operation === "number" && (object.operation | 0) === object.operation)
                                    message.operation = object.operation;
                            }
                        if (object.ReqMem != null) {
                            if (!$util.isObject(object.ReqMem))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.GroupOpReq.ReqMem: object expected");
                            message.ReqMem = $root.com.bird2fish.birdtalksdk.pbmodel.GroupMember.fromObject(object.ReqMem, _depth + 1);
                        }
                        if (object.group != null) {
                            if (!$util.isObject(object.group))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.GroupOpReq.group: object expected");
                            message.group = $root.com.bird2fish.birdtalksdk.pbmodel.GroupInfo.fromObject(object.group, _depth + 1);
                        }
                        if (object.members) {
                            if (!$Array.isArray(object.members))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.GroupOpReq.members: array expected");
                            message.members = $Array(object.members.length);
                            for (var i = 0; i < object.members.length; ++i) {
                                if (!$util.isObject(object.members[i]))
                                    throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.GroupOpReq.members: object expected");
                                message.members[i] = $root.com.bird2fish.birdtalksdk.pbmodel.GroupMember.fromObject(object.members[i], _depth + 1);
                            }
                        }
                        if (object.sendId != null)
                            if (typeof object.sendId === "object" ? object.sendId.low || object.sendId.high : $Number(object.sendId) !== 0)
                                if ($util.Long)
                                    message.sendId = $util.Long.fromValue(object.sendId, false);
                                else if (typeof object.sendId === "string")
                                    message.sendId = $parseInt(object.sendId, 10);
                                else if (typeof object.sendId === "number")
                                    message.sendId = object.sendId;
                                else if (typeof object.sendId === "object")
                                    message.sendId = new $util.LongBits(object.sendId.low >>> 0, object.sendId.high >>> 0).toNumber();
                        if (object.msgId != null)
                            if (typeof object.msgId === "object" ? object.msgId.low || object.msgId.high : $Number(object.msgId) !== 0)
                                if ($util.Long)
                                    message.msgId = $util.Long.fromValue(object.msgId, false);
                                else if (typeof object.msgId === "string")
                                    message.msgId = $parseInt(object.msgId, 10);
                                else if (typeof object.msgId === "number")
                                    message.msgId = object.msgId;
                                else if (typeof object.msgId === "object")
                                    message.msgId = new $util.LongBits(object.msgId.low >>> 0, object.msgId.high >>> 0).toNumber();
                        if (object.params) {
                            if (!$util.isObject(object.params))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.GroupOpReq.params: object expected");
                            message.params = {};
                            for (var keys = $Object.keys(object.params), i = 0; i < keys.length; ++i) {
                                if (keys[i] === "__proto__")
                                    $util.makeProp(message.params, keys[i]);
                                message.params[keys[i]] = $String(object.params[keys[i]]);
                            }
                        }
                        return message;
                    };

                    GroupOpReq.toObject = function (message, options, _depth) {
                        if (!options)
                            options = {};
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var object = {};
                        if (options.arrays || options.defaults)
                            object.members = [];
                        if (options.objects || options.defaults)
                            object.params = {};
                        if (options.defaults) {
                            object.operation = options.enums === $String ? "GroupNoneAction" : 0;
                            object.ReqMem = null;
                            object.group = null;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.sendId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.sendId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.msgId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.msgId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        }
                        if (message.operation != null && $Object.hasOwnProperty.call(message, "operation"))
                            object.operation = options.enums === $String ? $root.com.bird2fish.birdtalksdk.pbmodel.GroupOperationType[message.operation] === $undefined ? message.operation : $root.com.bird2fish.birdtalksdk.pbmodel.GroupOperationType[message.operation] : message.operation;
                        if (message.ReqMem != null && $Object.hasOwnProperty.call(message, "ReqMem"))
                            object.ReqMem = $root.com.bird2fish.birdtalksdk.pbmodel.GroupMember.toObject(message.ReqMem, options, _depth + 1);
                        if (message.group != null && $Object.hasOwnProperty.call(message, "group"))
                            object.group = $root.com.bird2fish.birdtalksdk.pbmodel.GroupInfo.toObject(message.group, options, _depth + 1);
                        if (message.members && message.members.length) {
                            object.members = $Array(message.members.length);
                            for (var j = 0; j < message.members.length; ++j)
                                object.members[j] = $root.com.bird2fish.birdtalksdk.pbmodel.GroupMember.toObject(message.members[j], options, _depth + 1);
                        }
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.sendId = typeof message.sendId === "number" ? $BigInt(message.sendId) : $util.Long.fromBits(message.sendId.low >>> 0, message.sendId.high >>> 0, false).toBigInt();
                            else if (typeof message.sendId === "number")
                                object.sendId = options.longs === $String ? $String(message.sendId) : message.sendId;
                            else
                                object.sendId = options.longs === $String ? $util.Long.prototype.toString.call(message.sendId) : options.longs === $Number ? new $util.LongBits(message.sendId.low >>> 0, message.sendId.high >>> 0).toNumber() : message.sendId;
                        if (message.msgId != null && $Object.hasOwnProperty.call(message, "msgId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.msgId = typeof message.msgId === "number" ? $BigInt(message.msgId) : $util.Long.fromBits(message.msgId.low >>> 0, message.msgId.high >>> 0, false).toBigInt();
                            else if (typeof message.msgId === "number")
                                object.msgId = options.longs === $String ? $String(message.msgId) : message.msgId;
                            else
                                object.msgId = options.longs === $String ? $util.Long.prototype.toString.call(message.msgId) : options.longs === $Number ? new $util.LongBits(message.msgId.low >>> 0, message.msgId.high >>> 0).toNumber() : message.msgId;
                        var keys2;
                        if (message.params && (keys2 = $Object.keys(message.params)).length) {
                            object.params = {};
                            for (var j = 0; j < keys2.length; ++j) {
                                if (keys2[j] === "__proto__")
                                    $util.makeProp(object.params, keys2[j]);
                                object.params[keys2[j]] = message.params[keys2[j]];
                            }
                        }
                        return object;
                    };

                    GroupOpReq.prototype.toJSON = function() {
                        return GroupOpReq.toObject(this, $protobuf.util.toJSONOptions);
                    };

                    GroupOpReq.getTypeUrl = function(prefix) {
                        if (prefix === $undefined)
                            prefix = "type.googleapis.com";
                        return prefix + "/com.bird2fish.birdtalksdk.pbmodel.GroupOpReq";
                    };

                    return GroupOpReq;
                })();

                pbmodel.GroupOpResult = (function() {

                    var GroupOpResult = function (properties) {
                        this.members = [];
                        this.params = {};
                        this.groups = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    GroupOpResult.prototype.operation = 0;
                    GroupOpResult.prototype.ReqMem = null;
                    GroupOpResult.prototype.result = "";
                    GroupOpResult.prototype.detail = "";
                    GroupOpResult.prototype.group = null;
                    GroupOpResult.prototype.sendId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    GroupOpResult.prototype.msgId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    GroupOpResult.prototype.members = $util.emptyArray;
                    GroupOpResult.prototype.params = $util.emptyObject;
                    GroupOpResult.prototype.groups = $util.emptyArray;

                    GroupOpResult.create = function(properties) {
                        return new GroupOpResult(properties);
                    };

                    GroupOpResult.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.operation != null && $Object.hasOwnProperty.call(message, "operation") && message.operation !== 0)
                            writer.uint32(8).int32(message.operation);
                        if (message.ReqMem != null && $Object.hasOwnProperty.call(message, "ReqMem"))
                            $root.com.bird2fish.birdtalksdk.pbmodel.GroupMember.encode(message.ReqMem, writer.uint32(18).fork(), _depth + 1).ldelim();
                        if (message.result != null && $Object.hasOwnProperty.call(message, "result") && message.result !== "")
                            writer.uint32(26).string(message.result);
                        if (message.detail != null && $Object.hasOwnProperty.call(message, "detail") && message.detail !== "")
                            writer.uint32(34).string(message.detail);
                        if (message.group != null && $Object.hasOwnProperty.call(message, "group"))
                            $root.com.bird2fish.birdtalksdk.pbmodel.GroupInfo.encode(message.group, writer.uint32(42).fork(), _depth + 1).ldelim();
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId") && (typeof message.sendId === "object" ? message.sendId.low || message.sendId.high : message.sendId !== 0))
                            writer.uint32(48).int64(message.sendId);
                        if (message.msgId != null && $Object.hasOwnProperty.call(message, "msgId") && (typeof message.msgId === "object" ? message.msgId.low || message.msgId.high : message.msgId !== 0))
                            writer.uint32(56).int64(message.msgId);
                        if (message.members != null && message.members.length)
                            for (var i = 0; i < message.members.length; ++i)
                                $root.com.bird2fish.birdtalksdk.pbmodel.GroupMember.encode(message.members[i], writer.uint32(66).fork(), _depth + 1).ldelim();
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params"))
                            for (var keys = $Object.keys(message.params), i = 0; i < keys.length; ++i)
                                writer.uint32(74).fork().uint32(10).string(keys[i]).uint32(18).string(message.params[keys[i]]).ldelim();
                        if (message.groups != null && message.groups.length)
                            for (var i = 0; i < message.groups.length; ++i)
                                $root.com.bird2fish.birdtalksdk.pbmodel.GroupInfo.encode(message.groups[i], writer.uint32(82).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    GroupOpResult.encodeDelimited = function(message, writer) {
                        return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                    };

                    GroupOpResult.decode = function (reader, length, _end, _depth, _target) {
                        if (!(reader instanceof $Reader))
                            reader = $Reader.create(reader);
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $Reader.recursionLimit)
                            throw $Error("max depth exceeded");
                        var end, message, key, value;
                        if (length === $undefined)
                            end = reader.len;
                        else {
                            end = reader.pos + length;
                            if (end > reader.len)
                                throw $RangeError("index out of range");
                            length = reader.len;
                            reader.len = end;
                        }
                        message = _target || new $root.com.bird2fish.birdtalksdk.pbmodel.GroupOpResult();
                        while (reader.pos < end) {
                            var start = reader.pos;
                            var tag = reader.tag();
                            if (tag === _end) {
                                _end = $undefined;
                                break;
                            }
                            var wireType = tag & 7;
                            switch (tag >>>= 3) {
                            case 1: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.operation = value;
                                    else
                                        delete message.operation;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    message.ReqMem = $root.com.bird2fish.birdtalksdk.pbmodel.GroupMember.decode(reader, reader.size(), $undefined, _depth + 1, message.ReqMem);
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.result = value;
                                    else
                                        delete message.result;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.detail = value;
                                    else
                                        delete message.detail;
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 2)
                                        break;
                                    message.group = $root.com.bird2fish.birdtalksdk.pbmodel.GroupInfo.decode(reader, reader.size(), $undefined, _depth + 1, message.group);
                                    continue;
                                }
                            case 6: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.sendId = value;
                                    else
                                        delete message.sendId;
                                    continue;
                                }
                            case 7: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.msgId = value;
                                    else
                                        delete message.msgId;
                                    continue;
                                }
                            case 8: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.members && message.members.length))
                                        message.members = [];
                                    message.members.push($root.com.bird2fish.birdtalksdk.pbmodel.GroupMember.decode(reader, reader.size(), $undefined, _depth + 1));
                                    continue;
                                }
                            case 9: {
                                    if (wireType !== 2)
                                        break;
                                    if (message.params === $util.emptyObject)
                                        message.params = {};
                                    var end2 = reader.size() + reader.pos;
                                    if (end2 > reader.len)
                                        throw $RangeError("index out of range");
                                    reader.len = end2;
                                    key = "";
                                    value = "";
                                    while (reader.pos < end2) {
                                        var tag2 = reader.tag();
                                        wireType = tag2 & 7;
                                        switch (tag2 >>>= 3) {
                                        case 1:
                                            if (wireType !== 2)
                                                break;
                                            key = reader.stringVerify();
                                            continue;
                                        case 2:
                                            if (wireType !== 2)
                                                break;
                                            value = reader.stringVerify();
                                            continue;
                                        }
                                        reader.skipType(wireType, _depth, tag2);
                                    }
                                    if (reader.pos !== end2)
                                        throw $RangeError("index out of range");
                                    reader.len = end;
                                    if (key === "__proto__")
                                        $util.makeProp(message.params, key);
                                    message.params[key] = value;
                                    continue;
                                }
                            case 10: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.groups && message.groups.length))
                                        message.groups = [];
                                    message.groups.push($root.com.bird2fish.birdtalksdk.pbmodel.GroupInfo.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    GroupOpResult.decodeDelimited = function(reader) {
                        if (!(reader instanceof $Reader))
                            reader = new $Reader(reader);
                        return this.decode(reader, reader.size());
                    };

                    GroupOpResult.verify = function (message, _depth) {
                        if (typeof message !== "object" || message === null)
                            return "object expected";
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            return "max depth exceeded";
                        if (message.operation != null && $Object.hasOwnProperty.call(message, "operation"))
                            if (typeof message.operation !== "number" || (message.operation | 0) !== message.operation)
                                return "operation: enum value expected";
                        if (message.ReqMem != null && $Object.hasOwnProperty.call(message, "ReqMem")) {
                            var error = $root.com.bird2fish.birdtalksdk.pbmodel.GroupMember.verify(message.ReqMem, _depth + 1);
                            if (error)
                                return "ReqMem." + error;
                        }
                        if (message.result != null && $Object.hasOwnProperty.call(message, "result"))
                            if (!$util.isString(message.result))
                                return "result: string expected";
                        if (message.detail != null && $Object.hasOwnProperty.call(message, "detail"))
                            if (!$util.isString(message.detail))
                                return "detail: string expected";
                        if (message.group != null && $Object.hasOwnProperty.call(message, "group")) {
                            var error = $root.com.bird2fish.birdtalksdk.pbmodel.GroupInfo.verify(message.group, _depth + 1);
                            if (error)
                                return "group." + error;
                        }
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId"))
                            if (!$util.isInteger(message.sendId) && !(message.sendId && $util.isInteger(message.sendId.low) && $util.isInteger(message.sendId.high)))
                                return "sendId: integer|Long expected";
                        if (message.msgId != null && $Object.hasOwnProperty.call(message, "msgId"))
                            if (!$util.isInteger(message.msgId) && !(message.msgId && $util.isInteger(message.msgId.low) && $util.isInteger(message.msgId.high)))
                                return "msgId: integer|Long expected";
                        if (message.members != null && $Object.hasOwnProperty.call(message, "members")) {
                            if (!$Array.isArray(message.members))
                                return "members: array expected";
                            for (var i = 0; i < message.members.length; ++i) {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.GroupMember.verify(message.members[i], _depth + 1);
                                if (error)
                                    return "members." + error;
                            }
                        }
                        if (message.params != null && $Object.hasOwnProperty.call(message, "params")) {
                            if (!$util.isObject(message.params))
                                return "params: object expected";
                            var key = $Object.keys(message.params);
                            for (var i = 0; i < key.length; ++i)
                                if (!$util.isString(message.params[key[i]]))
                                    return "params: string{k:string} expected";
                        }
                        if (message.groups != null && $Object.hasOwnProperty.call(message, "groups")) {
                            if (!$Array.isArray(message.groups))
                                return "groups: array expected";
                            for (var i = 0; i < message.groups.length; ++i) {
                                var error = $root.com.bird2fish.birdtalksdk.pbmodel.GroupInfo.verify(message.groups[i], _depth + 1);
                                if (error)
                                    return "groups." + error;
                            }
                        }
                        return null;
                    };

                    GroupOpResult.fromObject = function (object, _depth) {
                        if (object instanceof $root.com.bird2fish.birdtalksdk.pbmodel.GroupOpResult)
                            return object;
                        if (!$util.isObject(object))
                            throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.GroupOpResult: object expected");
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var message = new $root.com.bird2fish.birdtalksdk.pbmodel.GroupOpResult();
                        if (object.operation !== 0 && (typeof object.operation !== "string" || $root.com.bird2fish.birdtalksdk.pbmodel.GroupOperationType[object.operation] !== 0))
                            switch (object.operation) {
                            case "GroupNoneAction":
                            case 0:
                                message.operation = 0;
                                break;
                            case "GroupCreate":
                            case 1:
                                message.operation = 1;
                                break;
                            case "GroupDissolve":
                            case 2:
                                message.operation = 2;
                                break;
                            case "GroupSetInfo":
                            case 3:
                                message.operation = 3;
                                break;
                            case "GroupKickMember":
                            case 4:
                                message.operation = 4;
                                break;
                            case "GroupInviteRequest":
                            case 5:
                                message.operation = 5;
                                break;
                            case "GroupInviteAnswer":
                            case 6:
                                message.operation = 6;
                                break;
                            case "GroupJoinRequest":
                            case 7:
                                message.operation = 7;
                                break;
                            case "GroupJoinAnswer":
                            case 8:
                                message.operation = 8;
                                break;
                            case "GroupQuit":
                            case 9:
                                message.operation = 9;
                                break;
                            case "GroupAddAdmin":
                            case 10:
                                message.operation = 10;
                                break;
                            case "GroupDelAdmin":
                            case 11:
                                message.operation = 11;
                                break;
                            case "GroupTransferOwner":
                            case 12:
                                message.operation = 12;
                                break;
                            case "GroupSetMemberInfo":
                            case 13:
                                message.operation = 13;
                                break;
                            case "GroupSearch":
                            case 14:
                                message.operation = 14;
                                break;
                            case "GroupSearchMember":
                            case 15:
                                message.operation = 15;
                                break;
                            case "GroupListIn":
                            case 16:
                                message.operation = 16;
                                break;
                            default:
                                if (typeof object.operation === "number" && (object.operation | 0) === object.operation)
                                    message.operation = object.operation;
                            }
                        if (object.ReqMem != null) {
                            if (!$util.isObject(object.ReqMem))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.GroupOpResult.ReqMem: object expected");
                            message.ReqMem = $root.com.bird2fish.birdtalksdk.pbmodel.GroupMember.fromObject(object.ReqMem, _depth + 1);
                        }
                        if (object.result != null)
                            if (typeof object.result !== "string" || object.result.length)
                                message.result = $String(object.result);
                        if (object.detail != null)
                            if (typeof object.detail !== "string" || object.detail.length)
                                message.detail = $String(object.detail);
                        if (object.group != null) {
                            if (!$util.isObject(object.group))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.GroupOpResult.group: object expected");
                            message.group = $root.com.bird2fish.birdtalksdk.pbmodel.GroupInfo.fromObject(object.group, _depth + 1);
                        }
                        if (object.sendId != null)
                            if (typeof object.sendId === "object" ? object.sendId.low || object.sendId.high : $Number(object.sendId) !== 0)
                                if ($util.Long)
                                    message.sendId = $util.Long.fromValue(object.sendId, false);
                                else if (typeof object.sendId === "string")
                                    message.sendId = $parseInt(object.sendId, 10);
                                else if (typeof object.sendId === "number")
                                    message.sendId = object.sendId;
                                else if (typeof object.sendId === "object")
                                    message.sendId = new $util.LongBits(object.sendId.low >>> 0, object.sendId.high >>> 0).toNumber();
                        if (object.msgId != null)
                            if (typeof object.msgId === "object" ? object.msgId.low || object.msgId.high : $Number(object.msgId) !== 0)
                                if ($util.Long)
                                    message.msgId = $util.Long.fromValue(object.msgId, false);
                                else if (typeof object.msgId === "string")
                                    message.msgId = $parseInt(object.msgId, 10);
                                else if (typeof object.msgId === "number")
                                    message.msgId = object.msgId;
                                else if (typeof object.msgId === "object")
                                    message.msgId = new $util.LongBits(object.msgId.low >>> 0, object.msgId.high >>> 0).toNumber();
                        if (object.members) {
                            if (!$Array.isArray(object.members))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.GroupOpResult.members: array expected");
                            message.members = $Array(object.members.length);
                            for (var i = 0; i < object.members.length; ++i) {
                                if (!$util.isObject(object.members[i]))
                                    throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.GroupOpResult.members: object expected");
                                message.members[i] = $root.com.bird2fish.birdtalksdk.pbmodel.GroupMember.fromObject(object.members[i], _depth + 1);
                            }
                        }
                        if (object.params) {
                            if (!$util.isObject(object.params))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.GroupOpResult.params: object expected");
                            message.params = {};
                            for (var keys = $Object.keys(object.params), i = 0; i < keys.length; ++i) {
                                if (keys[i] === "__proto__")
                                    $util.makeProp(message.params, keys[i]);
                                message.params[keys[i]] = $String(object.params[keys[i]]);
                            }
                        }
                        if (object.groups) {
                            if (!$Array.isArray(object.groups))
                                throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.GroupOpResult.groups: array expected");
                            message.groups = $Array(object.groups.length);
                            for (var i = 0; i < object.groups.length; ++i) {
                                if (!$util.isObject(object.groups[i]))
                                    throw $TypeError(".com.bird2fish.birdtalksdk.pbmodel.GroupOpResult.groups: object expected");
                                message.groups[i] = $root.com.bird2fish.birdtalksdk.pbmodel.GroupInfo.fromObject(object.groups[i], _depth + 1);
                            }
                        }
                        return message;
                    };

                    GroupOpResult.toObject = function (message, options, _depth) {
                        if (!options)
                            options = {};
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        var object = {};
                        if (options.arrays || options.defaults) {
                            object.members = [];
                            object.groups = [];
                        }
                        if (options.objects || options.defaults)
                            object.params = {};
                        if (options.defaults) {
                            object.operation = options.enums === $String ? "GroupNoneAction" : 0;
                            object.ReqMem = null;
                            object.result = "";
                            object.detail = "";
                            object.group = null;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.sendId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.sendId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                            if ($util.Long) {
                                var long = new $util.Long(0, 0, false);
                                object.msgId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                            } else
                                object.msgId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        }
                        if (message.operation != null && $Object.hasOwnProperty.call(message, "operation"))
                            object.operation = options.enums === $String ? $root.com.bird2fish.birdtalksdk.pbmodel.GroupOperationType[message.operation] === $undefined ? message.operation : $root.com.bird2fish.birdtalksdk.pbmodel.GroupOperationType[message.operation] : message.operation;
                        if (message.ReqMem != null && $Object.hasOwnProperty.call(message, "ReqMem"))
                            object.ReqMem = $root.com.bird2fish.birdtalksdk.pbmodel.GroupMember.toObject(message.ReqMem, options, _depth + 1);
                        if (message.result != null && $Object.hasOwnProperty.call(message, "result"))
                            object.result = message.result;
                        if (message.detail != null && $Object.hasOwnProperty.call(message, "detail"))
                            object.detail = message.detail;
                        if (message.group != null && $Object.hasOwnProperty.call(message, "group"))
                            object.group = $root.com.bird2fish.birdtalksdk.pbmodel.GroupInfo.toObject(message.group, options, _depth + 1);
                        if (message.sendId != null && $Object.hasOwnProperty.call(message, "sendId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.sendId = typeof message.sendId === "number" ? $BigInt(message.sendId) : $util.Long.fromBits(message.sendId.low >>> 0, message.sendId.high >>> 0, false).toBigInt();
                            else if (typeof message.sendId === "number")
                                object.sendId = options.longs === $String ? $String(message.sendId) : message.sendId;
                            else
                                object.sendId = options.longs === $String ? $util.Long.prototype.toString.call(message.sendId) : options.longs === $Number ? new $util.LongBits(message.sendId.low >>> 0, message.sendId.high >>> 0).toNumber() : message.sendId;
                        if (message.msgId != null && $Object.hasOwnProperty.call(message, "msgId"))
                            if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                                object.msgId = typeof message.msgId === "number" ? $BigInt(message.msgId) : $util.Long.fromBits(message.msgId.low >>> 0, message.msgId.high >>> 0, false).toBigInt();
                            else if (typeof message.msgId === "number")
                                object.msgId = options.longs === $String ? $String(message.msgId) : message.msgId;
                            else
                                object.msgId = options.longs === $String ? $util.Long.prototype.toString.call(message.msgId) : options.longs === $Number ? new $util.LongBits(message.msgId.low >>> 0, message.msgId.high >>> 0).toNumber() : message.msgId;
                        if (message.members && message.members.length) {
                            object.members = $Array(message.members.length);
                            for (var j = 0; j < message.members.length; ++j)
                                object.members[j] = $root.com.bird2fish.birdtalksdk.pbmodel.GroupMember.toObject(message.members[j], options, _depth + 1);
                        }
                        var keys2;
                        if (message.params && (keys2 = $Object.keys(message.params)).length) {
                            object.params = {};
                            for (var j = 0; j < keys2.length; ++j) {
                                if (keys2[j] === "__proto__")
                                    $util.makeProp(object.params, keys2[j]);
                                object.params[keys2[j]] = message.params[keys2[j]];
                            }
                        }
                        if (message.groups && message.groups.length) {
                            object.groups = $Array(message.groups.length);
                            for (var j = 0; j < message.groups.length; ++j)
                                object.groups[j] = $root.com.bird2fish.birdtalksdk.pbmodel.GroupInfo.toObject(message.groups[j], options, _depth + 1);
                        }
                        return object;
                    };

                    GroupOpResult.prototype.toJSON = function() {
                        return GroupOpResult.toObject(this, $protobuf.util.toJSONOptions);
                    };

                    GroupOpResult.getTypeUrl = function(prefix) {
                        if (prefix === $undefined)
                            prefix = "type.googleapis.com";
                        return prefix + "/com.bird2fish.birdtalksdk.pbmodel.GroupOpResult";
                    };

                    return GroupOpResult;
                })();

                return pbmodel;
            })();

            return birdtalksdk;
        })();

        return bird2fish;
    })();

    return com;
})();

module.exports = $root;
