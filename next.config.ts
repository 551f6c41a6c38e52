import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // No framework fingerprint in responses.
  poweredByHeader: false,
  // The ffmpeg binary is resolved at run time from node_modules; bundling it would break the path.
  serverExternalPackages: ["@ffmpeg-installer/ffmpeg"],
  // The simulator reads its font from lib/simulator/assets at run time.
  outputFileTracingIncludes: {
    "/api/simulator/**": ["./lib/simulator/assets/**"],
  },
};

export default nextConfig;
