// Seeds a moto server with the "larger account" of the performance issue: 400 buckets, 300 users,
// 150 roles, 300 security groups, 200 volumes and 50 instances (1,400 resources), split over two
// regions where the service is regional. Buckets look like a current AWS account's: 90% with ACLs
// disabled (BucketOwnerEnforced, AWS's default since April 2023), 10% with a bucket policy.
import { CreateBucketCommand, PutBucketOwnershipControlsCommand, PutBucketPolicyCommand, S3Client } from "@aws-sdk/client-s3";
import { CreateRoleCommand, CreateUserCommand, IAMClient } from "@aws-sdk/client-iam";
import {
  CreateSecurityGroupCommand,
  CreateVolumeCommand,
  DescribeImagesCommand,
  DescribeVpcsCommand,
  EC2Client,
  RunInstancesCommand,
} from "@aws-sdk/client-ec2";
import pLimit from "p-limit";

export const REGIONS = ["us-east-1", "eu-west-1"];
const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };

export const LARGE = { buckets: 400, users: 300, roles: 150, securityGroups: 300, volumes: 200, instances: 50 };
export const SMALL = { buckets: 10, users: 8, roles: 4, securityGroups: 8, volumes: 6, instances: 4 };

export const resourceCount = (shape) => Object.values(shape).reduce((a, b) => a + b, 0);

export async function seedAccount(url, shape = LARGE) {
  const limit = pLimit(8);
  const config = (region) => ({ region, endpoint: url, credentials, forcePathStyle: true });
  const s3 = new S3Client(config("us-east-1"));
  const iam = new IAMClient(config("us-east-1"));
  const ec2 = Object.fromEntries(REGIONS.map((r) => [r, new EC2Client(config(r))]));
  const tasks = [];
  for (let i = 0; i < shape.buckets; i++) {
    tasks.push(async () => {
      const Bucket = `bench-${String(i).padStart(5, "0")}`;
      const region = REGIONS[i % REGIONS.length];
      await s3.send(
        new CreateBucketCommand({
          Bucket,
          ...(region === "us-east-1" ? {} : { CreateBucketConfiguration: { LocationConstraint: region } }),
        }),
      );
      if (i % 10 !== 9)
        await s3.send(
          new PutBucketOwnershipControlsCommand({ Bucket, OwnershipControls: { Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] } }),
        );
      if (i % 10 === 0) {
        const Policy = JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `arn:aws:s3:::${Bucket}/*` }],
        });
        await s3.send(new PutBucketPolicyCommand({ Bucket, Policy }));
      }
    });
  }
  for (let i = 0; i < shape.users; i++) tasks.push(() => iam.send(new CreateUserCommand({ UserName: `bench-user-${i}` })));
  const trust = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
  });
  for (let i = 0; i < shape.roles; i++)
    tasks.push(() => iam.send(new CreateRoleCommand({ RoleName: `bench-role-${i}`, AssumeRolePolicyDocument: trust })));
  const vpcs = {};
  const amis = {};
  for (const r of REGIONS) {
    vpcs[r] = (await ec2[r].send(new DescribeVpcsCommand({}))).Vpcs?.[0]?.VpcId;
    amis[r] = (await ec2[r].send(new DescribeImagesCommand({ Owners: ["amazon"] }))).Images?.[0]?.ImageId;
  }
  for (let i = 0; i < shape.securityGroups; i++) {
    const r = REGIONS[i % REGIONS.length];
    tasks.push(() => ec2[r].send(new CreateSecurityGroupCommand({ GroupName: `bench-sg-${i}`, Description: "bench", VpcId: vpcs[r] })));
  }
  for (let i = 0; i < shape.volumes; i++) {
    const r = REGIONS[i % REGIONS.length];
    tasks.push(() => ec2[r].send(new CreateVolumeCommand({ AvailabilityZone: `${r}a`, Size: 8, Encrypted: i % 2 === 0 })));
  }
  for (let i = 0; i < shape.instances; i++) {
    const r = REGIONS[i % REGIONS.length];
    tasks.push(() => ec2[r].send(new RunInstancesCommand({ ImageId: amis[r], InstanceType: "t3.micro", MinCount: 1, MaxCount: 1 })));
  }
  await Promise.all(tasks.map((t) => limit(t)));
  for (const c of [s3, iam, ...Object.values(ec2)]) c.destroy();
}
