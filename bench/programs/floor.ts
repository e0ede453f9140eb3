/**
 * The floor the engine benchmark compares against: `count` dynamic resources whose inline
 * provider does nothing, so what remains is the cost of the engine, the language host, the
 * program and a dynamic-provider process — everything but the integration provider's own work.
 */
import * as pulumi from "@pulumi/pulumi";

const nothing: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: `nothing-${inputs.index}`, outs: inputs };
  },
};

class Nothing extends pulumi.dynamic.Resource {
  constructor(name: string, index: number) {
    super(nothing, name, { index }, {});
  }
}

const count = new pulumi.Config().requireNumber("count");
for (let i = 0; i < count; i++) new Nothing(`nothing-${i}`, i);
