/** Customer-side layers: the subject of every finding. Ids are part of the JSON contract. */
export const LAYERS = ["data", "identity", "application", "network", "os", "encryption", "monitoring"] as const;
export type Layer = (typeof LAYERS)[number];

/** Layers the provider always owns; they appear in the matrix, never in a finding. */
export const PROVIDER_LAYERS = ["physical", "virtualization", "managed-platform"] as const;
export type ProviderLayer = (typeof PROVIDER_LAYERS)[number];

export const LAYER_TITLES: Record<Layer | ProviderLayer, string> = {
  data: "Customer data",
  identity: "Identity & access management",
  application: "Platform & application configuration",
  network: "Network & firewall configuration",
  os: "Operating system & instance configuration",
  encryption: "Data encryption at rest and in transit",
  monitoring: "Logging, monitoring & detection",
  physical: "Physical facilities & hardware",
  virtualization: "Virtualization & host infrastructure",
  "managed-platform": "Managed platform & service software",
};

/** The boxes of AWS's shared responsibility diagram, in AWS's wording. */
export const AWS_MODEL = {
  customerData: "Customer data",
  platformIam: "Platform, applications, identity & access management",
  osNetwork: "Operating system, network & firewall configuration",
  clientSideEncryption: "Client-side data encryption & data integrity authentication",
  serverSideEncryption: "Server-side encryption (file system and/or data)",
  trafficProtection: "Networking traffic protection (encryption, integrity, identity)",
} as const;
export type AwsModelBox = (typeof AWS_MODEL)[keyof typeof AWS_MODEL];

export const DEFAULT_AWS_MODEL: Record<Layer, AwsModelBox> = {
  data: AWS_MODEL.customerData,
  identity: AWS_MODEL.platformIam,
  application: AWS_MODEL.platformIam,
  network: AWS_MODEL.osNetwork,
  os: AWS_MODEL.osNetwork,
  encryption: AWS_MODEL.serverSideEncryption,
  // Monitoring has no box of its own in AWS's figure.
  monitoring: AWS_MODEL.platformIam,
};

export type ServiceModel = "infrastructure" | "container" | "abstracted";

export type Owner = "customer" | "provider" | "not-applicable";

/** Which layers the customer owns for each service model. */
const CUSTOMER_LAYERS: Record<ServiceModel, readonly Layer[]> = {
  infrastructure: ["data", "identity", "application", "network", "os", "encryption", "monitoring"],
  container: ["data", "identity", "application", "network", "encryption", "monitoring"],
  abstracted: ["data", "identity", "application", "encryption", "monitoring"],
};

export function ownerOf(model: ServiceModel, layer: Layer | ProviderLayer): Owner {
  if ((PROVIDER_LAYERS as readonly string[]).includes(layer)) {
    return layer === "managed-platform" && model === "infrastructure" ? "not-applicable" : "provider";
  }
  if (CUSTOMER_LAYERS[model].includes(layer as Layer)) return "customer";
  // The OS of a platform/abstracted service, the network of an abstracted one: run by AWS.
  if (layer === "os") return "provider";
  return "not-applicable";
}

export interface Responsibility {
  layer: Layer;
  serviceModel: ServiceModel;
  owner: "customer";
  awsModel: AwsModelBox;
}

export function responsibilityFor(serviceModel: ServiceModel, layer: Layer, awsModel?: AwsModelBox): Responsibility {
  return {
    layer,
    serviceModel,
    owner: "customer",
    awsModel: awsModel ?? DEFAULT_AWS_MODEL[layer],
  };
}
